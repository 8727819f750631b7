using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Reads one partition's stream in order from its checkpoint. Each entry is decoded and checked; refused ticks go to
/// the dead-letter stream with their reason, the rest are routed into one container per grain stream. Delivered
/// entries become the checkpoint after the checkpoint delay and the stream is trimmed behind it, so a queue taken
/// over by another silo resumes from there (grains drop what they already applied by sequence).
/// </summary>
internal sealed partial class RedisQueueAdapterReceiver : IQueueAdapterReceiver
{
    private static readonly TimeSpan LagRefresh = TimeSpan.FromSeconds(1);
    private readonly int partition;
    private readonly FeedPartitioner partitioner;
    private readonly RedisConnection connection;
    private readonly RedisStreamOptions options;
    private readonly InstrumentCatalog catalog;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly DeliveryCheckpoint checkpoint;
    private readonly string queueName;
    private readonly RedisStreamMetrics.QueueState state;
    private string lastRead = "0-0";
    private bool hasCheckpoint;
    private DateTime lagReadAt;

    public RedisQueueAdapterReceiver(QueueId queue, RedisQueueMapper mapper, RedisConnection connection, RedisStreamOptions options, InstrumentCatalog catalog, TimeProvider clock, ILogger logger)
    {
        partition = RedisQueueMapper.PartitionOf(queue);
        partitioner = mapper.Partitioner;
        this.connection = connection;
        this.options = options;
        this.catalog = catalog;
        this.clock = clock;
        this.logger = logger;
        checkpoint = new DeliveryCheckpoint(options.CheckpointDelay);
        queueName = partitioner.StreamKey(partition);
        state = RedisStreamMetrics.Track(queueName);
    }

    public async Task Initialize(TimeSpan timeout)
    {
        var db = await connection.DatabaseAsync().WaitAsync(timeout);
        var saved = await db.StringGetAsync(partitioner.CheckpointKey(partition)).WaitAsync(timeout);
        hasCheckpoint = saved.HasValue;
        lastRead = saved.HasValue ? saved.ToString() : "0-0";
        LogStarted(queueName, lastRead);
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var db = await connection.DatabaseAsync();
        await AdvanceCheckpointAsync(db);
        var count = maxCount < 0 ? options.ReadBatchSize : Math.Min(maxCount, options.ReadBatchSize);
        var entries = await db.StreamRangeAsync(queueName, "(" + lastRead, "+", count);
        var containers = new List<IBatchContainer>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            var id = entry.Id.ToString();
            var before = containers.Count;
            await ReadEntryAsync(db, id, entry[FeedEntryFormat.DataField], containers);
            checkpoint.Read(id, containers.Count - before, now);
            lastRead = id;
        }

        RedisStreamMetrics.EntriesRead.Add(entries.Length);
        if (now - lagReadAt > LagRefresh)
        {
            // The stream holds the retained checkpoint entry, the entries read but not yet checkpointed, and the
            // entries not read yet: the lag is the last group.
            var length = await db.StreamLengthAsync(queueName);
            state.Lag = Math.Max(0, length - checkpoint.Pending - (hasCheckpoint ? 1 : 0));
            lagReadAt = now;
        }

        return containers;
    }

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in messages)
        {
            if (message is RedisBatchContainer container)
            {
                checkpoint.Delivered(container.EntryId, now);
            }
        }

        await AdvanceCheckpointAsync(await connection.DatabaseAsync());
    }

    public Task Shutdown(TimeSpan timeout)
    {
        RedisStreamMetrics.Untrack(queueName);
        return Task.CompletedTask;
    }

    private async Task ReadEntryAsync(IDatabase db, string id, RedisValue data, List<IBatchContainer> containers)
    {
        var decoded = FeedEntryFormat.Decode(data.HasValue ? data.ToString() : null);
        var rejected = new List<RejectedTick>(decoded.Rejected);
        var batch = decoded.Batch;
        if (batch is not null)
        {
            if (!catalog.TryGet(batch.Symbol, out var instrument))
            {
                rejected.Add(new RejectedTick(data.ToString(), $"unknownSymbol: '{batch.Symbol}' is not a listed instrument"));
                batch = null;
            }
            else if (partitioner.PartitionOf(instrument.Symbol) != partition)
            {
                rejected.Add(new RejectedTick(data.ToString(), $"wrongPartition: '{instrument.Symbol}' belongs in {partitioner.StreamKey(partitioner.PartitionOf(instrument.Symbol))}"));
                batch = null;
            }
            else
            {
                var listed = catalog.Expiries(instrument);
                var unlisted = batch.Options.Where(o => !listed.Contains(o.Expiry)).ToArray();
                foreach (var option in unlisted)
                {
                    rejected.Add(new RejectedTick(FeedEntryFormat.Encode(new TickBatch(instrument.Symbol, [], [option], batch.Source)), $"unlistedExpiry: {instrument.Symbol} lists no expiry {option.Expiry:yyyy-MM-dd}"));
                }

                batch = batch with { Symbol = instrument.Symbol, Options = unlisted.Length == 0 ? batch.Options : [.. batch.Options.Where(o => listed.Contains(o.Expiry))] };
                var sequence = RedisBatchContainer.SequenceNumberOf(id);
                var index = 0;
                foreach (var (stream, routed) in MarketStreamRouter.Route(batch, listed))
                {
                    containers.Add(new RedisBatchContainer(stream, routed, new EventSequenceTokenV2(sequence, index++), id));
                }

                RedisStreamMetrics.TicksDelivered.Add(batch.Underlying.Length + batch.Options.Length);
            }
        }

        foreach (var reject in rejected)
        {
            var reason = reject.Reason[..Math.Max(reject.Reason.IndexOf(':', StringComparison.Ordinal), 0)];
            RedisStreamMetrics.TicksRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
            await db.StreamAddAsync(partitioner.DeadLetterKey(partition), [new("reason", reject.Reason), new("data", reject.Json), new("entry", id)]);
            RedisStreamMetrics.DeadLettered.Add(1);
        }
    }

    private async Task AdvanceCheckpointAsync(IDatabase db)
    {
        if (checkpoint.Advance(clock.GetUtcNow().UtcDateTime) is not { } id)
        {
            return;
        }

        await db.StringSetAsync(partitioner.CheckpointKey(partition), id);
        // Entries before the checkpoint are applied and persisted by the grains: trim them so memory stays bounded.
        await db.ExecuteAsync("XTRIM", queueName, "MINID", id);
        hasCheckpoint = true;
        state.CheckpointAt = clock.GetUtcNow().UtcDateTime;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reading {Queue} after entry {EntryId}")]
    private partial void LogStarted(string queue, string entryId);
}
