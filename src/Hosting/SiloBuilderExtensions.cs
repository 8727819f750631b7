using Microsoft.Extensions.Diagnostics.HealthChecks;
using DeltaStream.Hosting.Health;
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
    /// Grains, their storage, reminders (Redis in distributed mode, memory otherwise) and the tick streams, plus the dashboard. Clustering is separate
    /// (<see cref="UseDeltaStreamClustering"/>) because test clusters bring their own.
    /// </summary>
    public static ISiloBuilder AddDeltaStreamSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseDeltaStreamTls(configuration);
        silo.Services.AddMarketReferenceData(configuration);
        silo.Services.AddHealthChecks().AddCheck<GrainStorageHealthCheck>("grain-storage", HealthStatus.Degraded, [HealthExtensions.ReadyTag]);
        silo.Services.AddOptions<MarketGrainOptions>().Bind(configuration.GetSection(MarketGrainOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (TracingSettings.IsEnabled(configuration))
        {
            silo.AddActivityPropagation();
        }

        var streaming = StreamingOptions.Read(configuration);
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            EnsurePersistenceRunsOnTheTimer(configuration);
            silo.AddDeltaStreamGrainStorage(configuration, redis);
            silo.AddRedisStreams(MarketStreams.ProviderName, RedisSettings.Streams(configuration, redis), streaming.PullingPeriod);
            silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
            silo.AddDashboard();
            return silo;
        }

        silo.AddDeltaStreamGrainStorage(configuration, redis: null);

        // Reminders prune refresh tokens and revoked families; on one machine they live (and die) with its memory state.
        silo.UseInMemoryReminderService();
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
            ConfigureDeathDetection(silo, configuration);
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
    /// Grains persist on their publish timer, so a persist interval shorter than the timer cannot be kept; trimming
    /// follows what grains report durable, so no other timing has to line up for exactly-once.
    /// </summary>
    private static void EnsurePersistenceRunsOnTheTimer(IConfiguration configuration)
    {
        var grains = configuration.GetSection(MarketGrainOptions.SectionName).Get<MarketGrainOptions>() ?? new MarketGrainOptions();
        if (grains.PersistInterval < grains.PublishInterval)
        {
            throw new InvalidOperationException(
                $"DeltaStream:Grains:PersistInterval ({grains.PersistInterval}) must not be shorter than DeltaStream:Grains:PublishInterval ({grains.PublishInterval}): " +
                "grains write their state on the publish timer.");
        }
    }

    /// <summary>
    /// A dead silo is declared within seconds (probes every second, 2 s timeout, 3 misses), well inside the stream
    /// delivery time, so deliveries to its grains are retried until they reactivate elsewhere instead of being given up.
    /// "DeltaStream:Cluster:Membership" overrides any ClusterMembershipOptions value.
    /// </summary>
    private static void ConfigureDeathDetection(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(DeltaStreamClusterOptions.SectionName + ":Membership"));
    }
}
