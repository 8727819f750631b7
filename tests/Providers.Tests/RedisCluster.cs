using DeltaStream.Hosting;
using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// A real Redis and a two-silo cluster composed like distributed silos (AddDeltaStreamSilo with
/// ConnectionStrings:Redis: Redis Streams, Redis grain storage), with short persist and checkpoint intervals.
/// With <c>durable</c> Redis keeps an append-only file, so a Redis restart loses nothing acknowledged.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private RedisCluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }

    public TestCluster Cluster { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public FeedPartitioner Partitioner { get; } = new("deltastream", 8);

    /// <param name="siloConfigurator">An <see cref="ISiloConfigurator"/> applied after the DeltaStream composition (e.g. a storage fault injector).</param>
    public static async Task<RedisCluster> StartAsync(bool durable = false, Type? siloConfigurator = null, TimeSpan? persistInterval = null, string fsync = "always")
    {
        var redis = new RedisServer(durable, fsync);
        await redis.StartAsync();
        var cluster = new RedisCluster(redis);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["DeltaStream:Grains:PublishInterval"] = "00:00:00.020",
            ["DeltaStream:Grains:PersistInterval"] = (persistInterval ?? TimeSpan.FromMilliseconds(500)).ToString(),
            ["DeltaStream:Redis:TrimInterval"] = "00:00:00.200",
            ["DeltaStream:Streams:PullingPeriod"] = "00:00:00.010",
        };
        cluster.Connection = await ConnectionMultiplexer.ConnectAsync(ConfigurationOptions.Parse(redis.ConnectionString + ",abortConnect=false"));
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        if (siloConfigurator is not null)
        {
            builder.Options.SiloBuilderConfiguratorTypes.Add(siloConfigurator.AssemblyQualifiedName!);
        }

        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        cluster.Cluster = builder.Build();
        await cluster.Cluster.DeployAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Connection.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDeltaStreamSilo(siloBuilder.Configuration);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddRedisStreams(MarketStreams.ProviderName, o => o.ConnectionString = configuration.GetConnectionString("Redis")!);
    }
}
