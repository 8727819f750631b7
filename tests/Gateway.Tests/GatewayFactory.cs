using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(DeltaStream.Gateway.Tests.GatewayFactory))]

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The Gateway in embedded mode (co-hosted silo and synthetic feed) on free ports, with short publish and feed
/// intervals; one instance is shared by the tests of this assembly.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DeltaStream:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DeltaStream:Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
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
