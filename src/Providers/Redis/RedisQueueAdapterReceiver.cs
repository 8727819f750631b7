using DeltaStream.Time;
using DeltaStream.Instruments;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Reads one partition's stream in order from its checkpoint. Each entry is routed (<see cref="EntryRouter"/>) into
/// one part per grain stream, and a read's parts for one stream are joined where that changes nothing
/// (<see cref="StreamPartMerger"/>); refused ticks go to the dead-letter stream with their reason, best effort. The read
/// position moves only over entries whose containers are all handed to the cache, and a read never yields more
/// containers than the cache takes. The checkpoint (where a queue taken over resumes) and the trim point follow the
/// grains' durable positions (<see cref="DurableTrim"/>); a checkpoint only moves forward, so a stale receiver whose
/// queue was taken over can neither move it back nor trim past what is durable.
/// </summary>
internal sealed partial class RedisQueueAdapterReceiver : IQueueAdapterReceiver
{
    private static readonly TimeSpan LagRefresh = TimeSpan.FromSeconds(1);

    // Sets the checkpoint and trims behind it in one step, only when it moves forward (entry ids compare as ms, seq).
    private const string CheckpointScript = """
        local current = redis.call('GET', KEYS[1])
        if current then
          local cm, cs = string.match(current, '(%d+)-(%d+)')
          local nm, ns = string.match(ARGV[1], '(%d+)-(%d+)')
          cm, cs, nm, ns = tonumber(cm), tonumber(cs), tonumber(nm), tonumber(ns)
          if nm < cm or (nm == cm and ns <= cs) then return 0 end
        end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('XTRIM', KEYS[2], 'MINID', ARGV[1])
        return 1
        """;

    private readonly int partition;
    private readonly FeedPartitioner partitioner;
    private readonly RedisConnection connection;
    private readonly RedisStreamOptions options;
    private readonly EntryRouter router;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly DurableTrim trim = new();
    private readonly string queueName;
    private readonly RedisStreamMetrics.QueueState state;
    private string lastRead = "0-0";
    private bool hasCheckpoint;
    private DateTime lagReadAt;
    private DateTime trimmedAt;

    public RedisQueueAdapterReceiver(QueueId queue, RedisQueueMapper mapper, RedisConnection connection, RedisStreamOptions options, InstrumentCatalog catalog, MarketClock clock, ILogger logger)
    {
        partition = RedisQueueMapper.PartitionOf(queue);
        partitioner = mapper.Partitioner;
        this.connection = connection;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        router = new EntryRouter(partition, partitioner, catalog, clock, options.FutureTolerance);
        queueName = partitioner.StreamKey(partition);
        state = RedisStreamMetrics.Track(queueName, clock);
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
        await TrimAsync(db, force: false);
        var count = maxCount < 0 ? options.ReadBatchSize : Math.Min(maxCount, options.ReadBatchSize);
        if (count == 0)
        {
            return [];
        }

        var entries = await db.StreamRangeAsync(queueName, "(" + lastRead, "+", count);
        var capacity = maxCount < 0 ? int.MaxValue : maxCount;
        var parts = new StreamPartMerger();
        var rejected = new List<(string EntryId, RejectedTick Tick)>();
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = 0;
        foreach (var entry in entries)
        {
            var id = entry.Id.ToString();
            var data = entry[FeedEntryFormat.DataField];
            var position = RedisBatchContainer.SequenceNumberOf(id);
            var routed = router.Route(data.HasValue ? (ReadOnlyMemory<byte>)data : ReadOnlyMemory<byte>.Empty, position);
            if (parts.Count + routed.Parts.Count > capacity)
            {
                break;
            }

            var streams = new string[routed.Parts.Count];
            for (var i = 0; i < routed.Parts.Count; i++)
            {
                var (stream, batch) = routed.Parts[i];
                parts.Add(stream, batch, new EventSequenceTokenV2(position, i));
                streams[i] = stream.ToString();
                RedisStreamMetrics.TicksDelivered.Add(batch.Underlying.Length + batch.Options.Length);
            }

            trim.Read(id, position, streams, now);
            rejected.AddRange(routed.Rejected.Select(r => (id, r)));
            lastRead = id;
            taken++;
        }

        RedisStreamMetrics.EntriesRead.Add(taken);
        await DeadLetterAsync(db, rejected);
        await RefreshLagAsync(db, now);
        return parts.ToContainers();
    }

    // Trimming follows durable positions, not delivery: nothing to record here.
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

    public async Task Shutdown(TimeSpan timeout)
    {
        try
        {
            await TrimAsync(await connection.DatabaseAsync().WaitAsync(timeout), force: true).WaitAsync(timeout);
        }
        finally
        {
            RedisStreamMetrics.Untrack(queueName);
        }
    }

    /// <summary>
    /// Dead letters are a report: a failed write is counted and logged, and never holds back or repeats a container.
    /// The writes are pipelined (sent together, then awaited in order), so a producer's bad ticks cost the good ones
    /// one round trip, not one per tick.
    /// </summary>
    private async Task DeadLetterAsync(IDatabase db, List<(string EntryId, RejectedTick Tick)> rejected)
    {
        var writes = new List<(string EntryId, Task Write)>(rejected.Count);
        foreach (var (entryId, reject) in rejected)
        {
            var reason = reject.Reason[..Math.Max(reject.Reason.IndexOf(':', StringComparison.Ordinal), 0)];
            RedisStreamMetrics.TicksRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
            writes.Add((entryId, db.StreamAddAsync(partitioner.DeadLetterKey(partition), [new("reason", reject.Reason), new("data", reject.Json), new("entry", entryId)],
                maxLength: (int)Math.Min(options.DeadLetterMaxLength, int.MaxValue), useApproximateMaxLength: true)));
        }

        foreach (var (entryId, write) in writes)
        {
            try
            {
                await write;
                RedisStreamMetrics.DeadLettered.Add(1);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                RedisStreamMetrics.DeadLetterFailures.Add(1);
                LogDeadLetterFailed(ex, queueName, entryId);
            }
        }
    }

    private async Task RefreshLagAsync(IDatabase db, DateTime now)
    {
        if (now - lagReadAt <= LagRefresh)
        {
            return;
        }

        try
        {
            // The stream holds the retained checkpoint entry, the entries read but not yet trimmed, and the entries
            // not read yet: the lag is the last group.
            var length = await db.StreamLengthAsync(queueName);
            state.Lag = Math.Max(0, length - trim.Pending - (hasCheckpoint ? 1 : 0));
            state.OldestRetainedAt = trim.OldestReadAt;
            lagReadAt = now;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogLagFailed(ex, queueName);
        }
    }

    private async Task TrimAsync(IDatabase db, bool force)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if ((!force && now - trimmedAt < options.TrimInterval) || trim.Pending == 0)
        {
            return;
        }

        trimmedAt = now;
        if (trim.Advance(await RedisTickLog.DurablePositionsAsync(db, partitioner, partition)) is not { } id)
        {
            return;
        }

        // Entries before the checkpoint are in persisted grain state: trim them so memory stays bounded.
        await db.ScriptEvaluateAsync(CheckpointScript, [partitioner.CheckpointKey(partition), queueName], [id]);
        hasCheckpoint = true;
        state.CheckpointAt = now;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reading {Queue} after entry {EntryId}")]
    private partial void LogStarted(string queue, string entryId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Queue}: a dead-letter record of entry {EntryId} could not be written; the entry's valid ticks are delivered")]
    private partial void LogDeadLetterFailed(Exception exception, string queue, string entryId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Queue}: reading the stream length for the lag gauge failed")]
    private partial void LogLagFailed(Exception exception, string queue);
}
