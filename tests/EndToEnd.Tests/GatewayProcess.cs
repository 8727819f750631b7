using DeltaStream.Testing;

[assembly: AssemblyFixture(typeof(DeltaStream.EndToEnd.Tests.GatewayProcess))]

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The Gateway in its default embedded mode as one process, shared by the walkthrough and browser tests.</summary>
public sealed class GatewayProcess : IAsyncLifetime
{
    private HostProcess? host;

    public Uri BaseAddress => Host.BaseAddress;

    public TimeSpan StartupTime => Host.StartupTime;

    /// <summary>A client signed in as a newly registered user.</summary>
    public Task<HttpClient> SignedInClientAsync() => TestAccounts.SignedInClientAsync(BaseAddress, TestContext.Current.CancellationToken);

    private HostProcess Host => host ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        host = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
