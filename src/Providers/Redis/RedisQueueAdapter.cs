using DeltaStream.Ticks;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Writes what producers publish through the Orleans stream API as feed entries (the documented format), one entry
/// per <see cref="TickBatch"/>, to the key of the batch's symbol, whatever stream it was published on: readers route
/// by content. A stream holding <see cref="RedisStreamOptions.MaxBacklog"/> unconsumed entries refuses more.
/// </summary>
internal sealed class RedisQueueAdapter(string name, RedisStreamOptions options, RedisQueueMapper mapper, RedisConnection connection, Func<QueueId, IQueueAdapterReceiver> receivers) : IQueueAdapter
{
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

            await db.StreamAddAsync(key, FeedEntryFormat.DataField, FeedEntryFormat.Encode(batch));
            RedisStreamMetrics.EntriesWritten.Add(1);
        }
    }
}
