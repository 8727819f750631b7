using DeltaStream.Time;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Registers the Redis Streams persistent stream provider on silos (read and write, and the durable <see cref="ITickLog"/>
/// the grains replay from) and clients (write).
/// </summary>
public static class RedisStreamsExtensions
{
    public static ISiloBuilder AddRedisStreams(this ISiloBuilder builder, string name, Action<RedisStreamOptions> configure, TimeSpan pullingPeriod, int cacheSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, stream =>
        {
            stream.Configure<RedisStreamOptions>(ob => ob.Configure(configure));
            stream.Configure<SimpleQueueCacheOptions>(ob => ob.Configure(o => o.CacheSize = cacheSize));
            stream.ConfigurePullingAgent(ob => ob.Configure(o => o.GetQueueMsgsTimerPeriod = pullingPeriod));
        });
        AddShared(builder.Services, name);
        builder.Services.AddSingleton<ITickLog>(sp =>
        {
            var options = Options(sp, name);
            return new RedisTickLog(sp.GetRequiredKeyedService<RedisConnection>(name), new FeedPartitioner(options.Prefix, options.Partitions), sp.GetRequiredService<InstrumentCatalog>(),
                sp.GetService<MarketClock>() ?? MarketClock.Real, options.FutureTolerance);
        });
        return builder;
    }

    public static IClientBuilder AddRedisStreams(this IClientBuilder builder, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, stream => stream.Configure<RedisStreamOptions>(ob => ob.Configure(configure)));
        AddShared(builder.Services, name);
        return builder;
    }

    /// <summary>
    /// The validator, the provider's connection (which the container disposes with the host) and the store that lets
    /// a restarted producer resume its sequences.
    /// </summary>
    private static void AddShared(IServiceCollection services, string name)
    {
        services.AddTransient<IConfigurationValidator>(sp => new RedisStreamOptionsValidator(Options(sp, name), name));
        services.AddKeyedSingleton(name, (sp, _) => new RedisConnection(Options(sp, name).ConnectionString));
        services.AddSingleton<IProducerSequenceStore>(sp =>
        {
            var options = Options(sp, name);
            return new RedisProducerSequenceStore(sp.GetRequiredKeyedService<RedisConnection>(name), new FeedPartitioner(options.Prefix, options.Partitions));
        });
    }

    private static RedisStreamOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
}
