using System.Net;
using DeltaStream.Grains;
using DeltaStream.Hosting.Telemetry;
using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace DeltaStream.Hosting;

/// <summary>The silo composition shared by the Silo host, the Gateway's embedded mode and the test clusters.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Grains, their storage and the tick streams, plus the dashboard. Clustering is separate
    /// (<see cref="UseDeltaStreamClustering"/>) because test clusters bring their own.
    /// </summary>
    public static ISiloBuilder AddDeltaStreamSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddMarketReferenceData(configuration);
        silo.Services.AddOptions<MarketGrainOptions>().Bind(configuration.GetSection(MarketGrainOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (TracingSettings.IsEnabled(configuration))
        {
            silo.AddActivityPropagation();
        }

        var streaming = configuration.GetSection(StreamingOptions.SectionName).Get<StreamingOptions>() ?? new StreamingOptions();
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            EnsureCheckpointTrailsPersistence(configuration, redis);
            silo.AddRedisGrainStorage(GrainStorage.Market, o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
            silo.AddRedisGrainStorage("PubSubStore", o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
            silo.AddRedisStreams(MarketStreams.ProviderName, RedisSettings.Streams(configuration, redis), streaming.PullingPeriod);
            silo.AddDashboard();
            return silo;
        }

        silo.AddMemoryGrainStorage(GrainStorage.Market);
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.AddMemoryStreams(MarketStreams.ProviderName, streams =>
        {
            streams.ConfigurePartitioning(streaming.Queues);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = streaming.PullingPeriod));
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMaxAgeInCache = streaming.CacheRetention;
                o.DataMinTimeInCache = streaming.CacheRetention / 2;
            }));
        });
        silo.AddDashboard();
        return silo;
    }

    /// <summary>Redis clustering in distributed mode, localhost clustering otherwise, on the configured ports.</summary>
    public static ISiloBuilder UseDeltaStreamClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var cluster = DeltaStreamClusterOptions.Read(configuration);
        silo.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout - DeltaStreamClusterOptions.ShutdownReserve);
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            if (cluster.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }

            return silo;
        }

        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primarySiloEndpoint: null, cluster.ServiceId, cluster.ClusterId);
        silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
        return silo;
    }

    /// <summary>
    /// Exactly-once after a silo dies rests on this: a queue's checkpoint (where a replay starts) must trail what
    /// the grains have persisted, so the checkpoint delay has to exceed the grains' persist interval.
    /// </summary>
    private static void EnsureCheckpointTrailsPersistence(IConfiguration configuration, string redis)
    {
        var streams = new RedisStreamOptions();
        RedisSettings.Streams(configuration, redis)(streams);
        var grains = configuration.GetSection(MarketGrainOptions.SectionName).Get<MarketGrainOptions>() ?? new MarketGrainOptions();
        if (streams.CheckpointDelay <= grains.PersistInterval)
        {
            throw new InvalidOperationException(
                $"DeltaStream:Redis:CheckpointDelay ({streams.CheckpointDelay}) must be longer than DeltaStream:Grains:PersistInterval ({grains.PersistInterval}): " +
                "a replay after a silo failure must not start beyond what the grains have persisted.");
        }
    }
}
