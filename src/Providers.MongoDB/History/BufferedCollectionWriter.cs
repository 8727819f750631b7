using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// Writes documents to one collection off the caller's path: a bounded channel (the oldest record goes when it is
/// full, counted in <see cref="HistoryMetrics.Dropped"/>) drained in InsertMany batches. A failed batch is retried
/// with doubling waits up to the configured maximum while newer records queue behind it; duplicate keys count as
/// stored. Memory stays within the buffer capacity plus one batch whatever MongoDB does.
/// </summary>
internal sealed partial class BufferedCollectionWriter<TDocument>
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly Channel<TDocument> channel;
    private readonly IMongoCollection<TDocument> collection;
    private readonly MongoHistoryOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly KeyValuePair<string, object?> tag;

    public BufferedCollectionWriter(IMongoCollection<TDocument> collection, MongoHistoryOptions options, TimeProvider time, ILogger logger)
    {
        this.collection = collection;
        this.options = options;
        this.time = time;
        this.logger = logger;
        tag = new("collection", collection.CollectionNamespace.CollectionName);
        channel = Channel.CreateBounded<TDocument>(
            new BoundedChannelOptions(options.BufferCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => HistoryMetrics.Dropped.Add(1, tag));
    }

    /// <summary>When the last batch failed, or null while writes succeed.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public string CollectionName => collection.CollectionNamespace.CollectionName;

    public void Append(TDocument document) => channel.Writer.TryWrite(document);

    /// <summary>Stops taking records; <see cref="RunAsync"/> then writes what is buffered and returns.</summary>
    public void Complete() => channel.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<TDocument>(options.BatchSize);
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (batch.Count < options.BatchSize && channel.Reader.TryRead(out var document))
            {
                batch.Add(document);
            }

            await InsertAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task InsertAsync(List<TDocument> batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await collection.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = false }, cancellationToken).ConfigureAwait(false);
                Succeeded(batch.Count, duplicates: 0);
                return;
            }
            catch (MongoBulkWriteException<TDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey) && ex.WriteConcernError is null)
            {
                Succeeded(batch.Count - ex.WriteErrors.Count, ex.WriteErrors.Count);
                return;
            }
            catch (Exception ex) when (ex is MongoException or TimeoutException)
            {
                HistoryMetrics.WriteFailures.Add(1, tag);
                if (FailingSince is null)
                {
                    FailingSince = time.GetUtcNow();
                    LogFailing(logger, ex, CollectionName, batch.Count);
                }

                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }

    private void Succeeded(int written, int duplicates)
    {
        HistoryMetrics.Written.Add(written, tag);
        if (duplicates > 0)
        {
            HistoryMetrics.Duplicates.Add(duplicates, tag);
        }

        if (FailingSince is { } since)
        {
            FailingSince = null;
            var outage = time.GetUtcNow() - since;
            LogRecovered(logger, CollectionName, outage);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History writes to {Collection} fail ({BatchSize} records held, newer ones buffered); retrying")]
    private static partial void LogFailing(ILogger logger, Exception exception, string collection, int batchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "History writes to {Collection} succeed again after {Outage}")]
    private static partial void LogRecovered(ILogger logger, string collection, TimeSpan outage);
}
