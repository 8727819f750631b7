using DeltaStream.Ticks;
using Orleans.Runtime;
using StackExchange.Redis;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Writes what producers publish through the Orleans stream API as feed entries (the documented format), one entry
/// per <see cref="TickBatch"/>, to the key of the batch's symbol, whatever stream it was published on: readers route
/// by content. A stream holding <see cref="RedisStreamOptions.MaxBacklog"/> unconsumed entries refuses more. Each
/// entry and its producer's last sequence (<see cref="RedisProducerSequenceStore"/>) are written by one script.
/// </summary>
internal sealed class RedisQueueAdapter(string name, RedisStreamOptions options, RedisQueueMapper mapper, RedisConnection connection, Func<QueueId, IQueueAdapterReceiver> receivers) : IQueueAdapter
{
    private const string AppendScript = """
        redis.call('XADD', KEYS[1], '*', ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
        return 1
        """;

    public string Name { get; } = name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => receivers(queueId);

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        var db = await connection.DatabaseAsync();
        foreach (var item in events)
        {
            if (item is not TickBatch batch)
            {
                throw new ArgumentException($"The Redis tick stream carries {nameof(TickBatch)} events, not {item?.GetType().Name ?? "null"}.", nameof(events));
            }

            var key = mapper.Partitioner.StreamKey(mapper.Partitioner.PartitionOf(batch.Symbol));
            var backlog = await db.StreamLengthAsync(key);
            if (backlog >= options.MaxBacklog)
            {
                throw new InvalidOperationException($"Stream '{key}' holds {backlog} unconsumed entries (MaxBacklog {options.MaxBacklog}); retry when consumers catch up.");
            }

            await db.ScriptEvaluateAsync(
                AppendScript,
                [key, mapper.Partitioner.ProducersKey],
                [FeedEntryFormat.DataField, FeedEntryFormat.Encode(batch), RedisProducerSequenceStore.FieldOf(batch.Source, batch.Symbol), HighestSequence(batch)]);
            RedisStreamMetrics.EntriesWritten.Add(1);
        }
    }

    private static long HighestSequence(TickBatch batch)
    {
        var highest = 0L;
        foreach (var tick in batch.Underlying)
        {
            highest = Math.Max(highest, tick.Sequence);
        }

        foreach (var tick in batch.Options)
        {
            highest = Math.Max(highest, tick.Sequence);
        }

        return highest;
    }
}
