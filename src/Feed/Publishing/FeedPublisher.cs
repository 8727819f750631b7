using System.Diagnostics.Metrics;
using DeltaStream.Feed.Synthetic;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Feed.Publishing;

/// <summary>
/// Steps the synthetic market on a timer and publishes each step through the Orleans stream API, one event per
/// stream (underlying, and chain per expiry). Each step's publications are awaited before the next, which is
/// the producer's backpressure. Sequences start from the clock so they keep increasing across restarts.
/// </summary>
internal sealed class FeedPublisher(
    IClusterClient client,
    InstrumentCatalog catalog,
    IOptions<FeedOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<FeedPublisher> logger) : BackgroundService
{
    private static readonly Meter Meter = new("DeltaStream.Feed");
    private static readonly Counter<long> TicksPublished = Meter.CreateCounter<long>("ticks.published", description: "Ticks published by the synthetic feed");
    private readonly Dictionary<StreamId, IAsyncStream<TickBatch>> streams = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing needs the co-hosted silo or the cluster connection, which are ready once the host has started.
        await WaitForStartAsync(stoppingToken);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var market = new SyntheticMarket(catalog.All, settings, now.UtcDateTime, now.ToUnixTimeMilliseconds() * 1000);
        FeedLog.Started(logger, catalog.All.Count, settings.TickInterval, settings.Seed);
        var provider = client.GetStreamProvider(MarketStreams.ProviderName);
        using var timer = new PeriodicTimer(settings.TickInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var publications = new List<Task>();
                foreach (var (batch, listed) in market.Step(clock.GetUtcNow().UtcDateTime).Zip(market.Underlyings))
                {
                    TicksPublished.Add(batch.Underlying.Length + batch.Options.Length);
                    if (settings.PublishWholeEntries)
                    {
                        publications.Add(Stream(provider, MarketStreams.Underlying(batch.Symbol)).OnNextAsync(batch));
                        continue;
                    }

                    foreach (var (id, routed) in MarketStreamRouter.Route(batch, listed.ListedExpiries))
                    {
                        publications.Add(Stream(provider, id).OnNextAsync(routed));
                    }
                }

                await Task.WhenAll(publications);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FeedLog.PublishFailed(logger, ex);
            }
        }
    }

    private IAsyncStream<TickBatch> Stream(IStreamProvider provider, StreamId id)
    {
        if (!streams.TryGetValue(id, out var stream))
        {
            stream = provider.GetStream<TickBatch>(id);
            streams.Add(id, stream);
        }

        return stream;
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
