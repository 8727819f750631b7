using DeltaStream.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans;
using Orleans.Runtime;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// The silo's read-model writer: chain history and minute bars, each through its own
/// <see cref="BufferedCollectionWriter{TDocument}"/>. It runs with the silo's application services, so it
/// starts before grains activate and stops after they deactivated (what they flush then is still written).
/// Indexes are ensured before the first write, retried while MongoDB is unreachable, so a silo starts and
/// serves live data without it.
/// </summary>
internal sealed partial class MongoHistoryWriter : IMarketHistoryWriter, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly MongoHistoryCollections collections;
    private readonly TimeProvider time;
    private readonly ILogger<MongoHistoryWriter> logger;
    private readonly BufferedCollectionWriter<ChainHistoryDocument> chainHistory;
    private readonly BufferedCollectionWriter<MinuteBarDocument> minuteBars;
    private readonly CancellationTokenSource abandon = new();
    private Task running = Task.CompletedTask;

    public MongoHistoryWriter(MongoHistoryCollections collections, IOptions<MongoHistoryOptions> options, TimeProvider time, ILogger<MongoHistoryWriter> logger)
    {
        this.collections = collections;
        this.time = time;
        this.logger = logger;
        chainHistory = new(collections.ChainHistory, options.Value, time, logger);
        minuteBars = new(collections.MinuteBars, options.Value, time, logger);
    }

    /// <summary>When writes began to fail (the earlier of the two collections), or null while they succeed.</summary>
    public DateTimeOffset? FailingSince => (chainHistory.FailingSince, minuteBars.FailingSince) switch
    {
        ({ } a, { } b) => a < b ? a : b,
        (var a, var b) => a ?? b,
    };

    public void Append(PriceBar bar) => minuteBars.Append(MinuteBarDocument.From(bar));

    public void Append(ChainHistoryPoint point) => chainHistory.Append(ChainHistoryDocument.From(point));

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MongoHistoryWriter), ServiceLifecycleStage.ApplicationServices, Start, StopAsync);

    public void Dispose() => abandon.Dispose();

    private Task Start(CancellationToken cancellationToken)
    {
        running = RunAsync(abandon.Token);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more records and writes what is buffered, until the silo's shutdown time runs out.</summary>
    private async Task StopAsync(CancellationToken cancellationToken)
    {
        chainHistory.Complete();
        minuteBars.Complete();
        await using var giveUp = cancellationToken.Register(abandon.Cancel);
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            LogAbandoned(logger);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await collections.EnsureIndexesAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is MongoException or TimeoutException)
            {
                LogIndexesPending(logger, ex, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }

        await Task.WhenAll(chainHistory.RunAsync(cancellationToken), minuteBars.RunAsync(cancellationToken)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB history indexes not created yet (retry in {Delay}); records are buffered meanwhile")]
    private static partial void LogIndexesPending(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo shutdown ended before buffered history reached MongoDB; the rest is dropped")]
    private static partial void LogAbandoned(ILogger logger);
}
