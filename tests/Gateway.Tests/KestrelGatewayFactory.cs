using System.Globalization;
using System.Net;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The Gateway in embedded mode on a real loopback socket (Kestrel), so a client that stops reading exerts real
/// TCP back-pressure; a short publish interval, and a bound for being behind short enough for a test.
/// </summary>
public sealed class KestrelGatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    public const int OutboxCapacity = 64;

    public static readonly TimeSpan BehindTimeout = TimeSpan.FromSeconds(5);

    private readonly int port = LoopbackPorts.Next();

    public KestrelGatewayFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, port));

    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Grains:PublishInterval", "00:00:00.050");
        builder.UseSetting("DeltaStream:Feed:TickInterval", "00:00:00.250");
        builder.UseSetting("DeltaStream:Gateway:Outbox:Capacity", OutboxCapacity.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("DeltaStream:Gateway:Outbox:BehindTimeout", BehindTimeout.ToString());

        // SignalR would otherwise close the silent frozen client itself after 30 s, before a loaded machine fills its socket.
        builder.ConfigureServices(s => s.Configure<HubOptions>(o => o.ClientTimeoutInterval = TimeSpan.FromMinutes(10)));
    }

    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();
}
