using System.Net;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Hosting;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A quiet embedded gateway (no feed, no configured CORS origins) on a real socket bound to the address a subclass
/// names, reached over loopback: what embedded mode opens must follow from where it listens.
/// </summary>
public abstract class SocketGatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    public const string OperatorUsername = "operator";
    public const string OperatorPassword = "operator-password-for-tests";

    private readonly int port = LoopbackPorts.Next();

    protected SocketGatewayFactory(IPAddress address) => UseKestrel(o => o.Listen(address, port));

    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Feed:Enabled", "false");
        builder.UseSetting("DeltaStream:Auth:OperatorUsername", OperatorUsername);
        builder.UseSetting("DeltaStream:Auth:OperatorPassword", OperatorPassword);
    }

    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }
}
