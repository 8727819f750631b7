using Microsoft.AspNetCore.Hosting;

[assembly: AssemblyFixture(typeof(DeltaStream.Gateway.Tests.GatewayFactory))]

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The Gateway in embedded mode (co-hosted silo and synthetic feed) on free ports, with short publish and feed
/// intervals; one instance is shared by the tests of this assembly.
/// </summary>
public sealed class GatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    /// <summary>The one browser origin this gateway's CORS policy admits.</summary>
    public const string AllowedOrigin = "https://screens.example.com";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Cors:Origins:0", AllowedOrigin);
        builder.UseSetting("DeltaStream:Grains:PublishInterval", "00:00:00.050");
        builder.UseSetting("DeltaStream:Feed:TickInterval", "00:00:00.100");
    }

    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();
}
