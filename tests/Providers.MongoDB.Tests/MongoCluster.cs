using DeltaStream.Hosting;
using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace DeltaStream.Providers.MongoDB.Tests;

/// <summary>
/// Two silos composed like production (AddDeltaStreamSilo) with ConnectionStrings:MongoDB pointing through a
/// <see cref="TcpRelay"/> at the test server, memory streams, a fixed service id and fast cadences. A restart
/// (<see cref="RestartAsync"/>) stops every silo gracefully and deploys new ones on the same database.
/// </summary>
public sealed class MongoCluster : IAsyncDisposable
{
    private readonly MongoServer server;

    private MongoCluster(MongoServer server, string database)
    {
        this.server = server;
        Database = database;
        Relay = new TcpRelay(server.Host, server.Port);
    }

    public string Database { get; }

    public TcpRelay Relay { get; }

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString => server.ConnectionString(Database, Relay.Port);

    public static async Task<MongoCluster> StartAsync(MongoServer server, string purpose)
    {
        var cluster = new MongoCluster(server, MongoServer.NewDatabaseName(purpose));
        cluster.Relay.Start();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Relay.DisposeAsync();
        await server.Database(Database).Client.DropDatabaseAsync(Database);
    }

    private async Task DeployAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.ServiceId = "mongo-cluster-tests";
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MongoDB"] = ConnectionString,
            ["DeltaStream:MongoDB:ServerSelectionTimeout"] = "00:00:01",
            ["DeltaStream:MongoDB:MaxRetryDelay"] = "00:00:00.500",
            ["DeltaStream:History:SnapshotInterval"] = "00:00:01",
            ["DeltaStream:Grains:PublishInterval"] = "00:00:00.020",
            ["DeltaStream:Grains:PersistInterval"] = "00:00:00.200",
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Publishes as the feed does, routing one symbol's batch to its underlying and chain streams.</summary>
    public async Task PublishAsync(TickBatch batch, IReadOnlyCollection<DateOnly> listed)
    {
        var provider = Cluster.Client.GetStreamProvider(MarketStreams.ProviderName);
        foreach (var (id, routed) in MarketStreamRouter.Route(batch, listed))
        {
            await provider.GetStream<TickBatch>(id).OnNextAsync(routed);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDeltaStreamSilo(siloBuilder.Configuration);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddMemoryStreams(MarketStreams.ProviderName);
    }
}
