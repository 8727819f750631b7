using DeltaStream.Time;
using DeltaStream.Instruments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>Builds the provider's parts from its named options: mapper, cache, adapter, receivers, failure handler.</summary>
internal sealed class RedisQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string name;
    private readonly RedisStreamOptions options;
    private readonly RedisQueueMapper mapper;
    private readonly SimpleQueueAdapterCache cache;
    private readonly RedisConnection connection;
    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;

    private RedisQueueAdapterFactory(string name, IServiceProvider services)
    {
        this.name = name;
        this.services = services;
        options = services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
        loggerFactory = services.GetRequiredService<ILoggerFactory>();
        mapper = new RedisQueueMapper(name, new FeedPartitioner(options.Prefix, options.Partitions));
        cache = new SimpleQueueAdapterCache(services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(name), name, loggerFactory);
        connection = services.GetRequiredKeyedService<RedisConnection>(name);
    }

    /// <summary>The entry point the silo and client stream configurators call.</summary>
    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new RedisQueueAdapterFactory(name, services);

    public Task<IQueueAdapter> CreateAdapter() =>
        Task.FromResult<IQueueAdapter>(new RedisQueueAdapter(name, options, mapper, connection, CreateReceiver));

    public IQueueAdapterCache GetQueueAdapterCache() => cache;

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new RedisStreamFailureHandler(mapper, connection, options));

    // Receivers exist only in silos, which have the catalog; a client only produces.
    private RedisQueueAdapterReceiver CreateReceiver(QueueId queue) =>
        new RedisQueueAdapterReceiver(queue, mapper, connection, options, services.GetRequiredService<InstrumentCatalog>(),
            services.GetService<MarketClock>() ?? MarketClock.Real, loggerFactory.CreateLogger<RedisQueueAdapterReceiver>());
}
