using DeltaStream.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// The silo's read-model writer: chain history and minute bars, each through its own
/// <see cref="BufferedCollectionWriter{TDocument}"/>. Indexes are ensured before the first write, retried while
/// MongoDB is unreachable, so a silo starts and serves live data without it.
/// </summary>
internal sealed partial class MongoHistoryWriter : BackgroundService, IMarketHistoryWriter
{
    private readonly MongoHistoryCollections collections;
    private readonly TimeProvider time;
    private readonly ILogger<MongoHistoryWriter> logger;
    private readonly BufferedCollectionWriter<ChainHistoryDocument> chainHistory;
    private readonly BufferedCollectionWriter<MinuteBarDocument> minuteBars;

    public MongoHistoryWriter(MongoHistoryCollections collections, IOptions<MongoHistoryOptions> options, TimeProvider time, ILogger<MongoHistoryWriter> logger)
    {
        this.collections = collections;
        this.time = time;
        this.logger = logger;
        chainHistory = new(collections.ChainHistory, options.Value, time, logger);
        minuteBars = new(collections.MinuteBars, options.Value, time, logger);
    }

    /// <summary>When writes began to fail (the earliest of the two collections), or null while they succeed.</summary>
    public DateTimeOffset? FailingSince => (chainHistory.FailingSince, minuteBars.FailingSince) switch
    {
        ({ } a, { } b) => a < b ? a : b,
        (var a, var b) => a ?? b,
    };

    public void Append(PriceBar bar) => minuteBars.Append(MinuteBarDocument.From(bar));

    public void Append(ChainHistoryPoint point) => chainHistory.Append(ChainHistoryDocument.From(point));

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        chainHistory.Complete();
        minuteBars.Complete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await collections.EnsureIndexesAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is MongoException or TimeoutException)
            {
                LogIndexesPending(logger, ex, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }

        await Task.WhenAll(chainHistory.RunAsync(stoppingToken), minuteBars.RunAsync(stoppingToken)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB history indexes not created yet (retry in {Delay}); records are buffered meanwhile")]
    private static partial void LogIndexesPending(ILogger logger, Exception exception, TimeSpan delay);
}
