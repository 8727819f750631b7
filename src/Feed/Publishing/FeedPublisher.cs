using DeltaStream.Time;
using DeltaStream.Feed.Synthetic;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Feed.Publishing;

/// <summary>
/// Steps the synthetic market on a timer and publishes each step through the Orleans stream API, one event per
/// stream (underlying, and chain per expiry), or one per symbol when the provider splits entries itself. A step is
/// published whole before the next begins (<see cref="StepPublisher"/>), which is the producer's back-pressure.
/// Sequences continue after the last ones this feed's src wrote (<see cref="FeedSequences"/>).
/// </summary>
internal sealed class FeedPublisher(
    IClusterClient client,
    InstrumentCatalog catalog,
    IOptions<FeedOptions> options,
    MarketClock clock,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<FeedPublisher> logger) : BackgroundService
{
    private readonly Dictionary<StreamId, IAsyncStream<TickBatch>> streams = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing needs the co-hosted silo or the cluster connection, which are ready once the host has started.
        await WaitForStartAsync(stoppingToken);
        var settings = options.Value;
        var last = await FeedSequences.LastWrittenAsync(services.GetService<IProducerSequenceStore>(), settings.Source, catalog.All, clock, stoppingToken);
        foreach (var (symbol, sequence) in last)
        {
            FeedLog.Resuming(logger, symbol, sequence);
        }

        var market = new SyntheticMarket(catalog.All, catalog.Calendars, settings, clock.GetUtcNow().UtcDateTime, symbol => last[symbol]);
        var publisher = new StepPublisher(clock, logger, settings.Seed);
        FeedLog.Started(logger, settings.Source, catalog.All.Count, settings.TickInterval, settings.Seed);
        var provider = client.GetStreamProvider(MarketStreams.ProviderName);
        using var timer = new PeriodicTimer(settings.TickInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var step = new List<(IAsyncStream<TickBatch>, TickBatch)>();
            foreach (var (batch, listed) in market.Step(clock.GetUtcNow().UtcDateTime).Zip(market.Underlyings))
            {
                if (batch.Underlying.Length == 0 && batch.Options.Length == 0)
                {
                    continue;
                }

                if (settings.PublishWholeEntries)
                {
                    step.Add((Stream(provider, MarketStreams.Underlying(batch.Symbol)), batch));
                    continue;
                }

                foreach (var (id, routed) in MarketStreamRouter.Route(batch, listed.ListedExpiries))
                {
                    step.Add((Stream(provider, id), routed));
                }
            }

            await publisher.PublishAsync(step, stoppingToken);
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
