using DeltaStream.Hosting;
using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

[assembly: AssemblyFixture(typeof(DeltaStream.Grains.Tests.ClusterFixture))]

namespace DeltaStream.Grains.Tests;

/// <summary>A two-silo cluster composed exactly like production silos (AddDeltaStreamSilo), shared by the tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    internal static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DeltaStream:Grains:PublishInterval"] = "00:00:00.020",
            ["DeltaStream:Grains:PersistInterval"] = "00:00:01",
        })
        .Build();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDeltaStreamSilo(Configuration);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddMemoryStreams(MarketStreams.ProviderName);
    }
}
