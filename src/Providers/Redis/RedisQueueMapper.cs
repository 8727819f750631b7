using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Maps every stream of a symbol (its underlying stream "SYMBOL" and chain streams "SYMBOL:expiry") to the queue of
/// the symbol's partition, so one pulling agent reads one Redis stream key in order. Queues sit evenly on the hash
/// ring, so the ring balancer spreads them over the live silos.
/// </summary>
internal sealed class RedisQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] queues;

    public RedisQueueMapper(string providerName, FeedPartitioner partitioner)
    {
        Partitioner = partitioner;
        var spacing = uint.MaxValue / (uint)partitioner.Partitions;
        queues = [.. Enumerable.Range(0, partitioner.Partitions).Select(p => QueueId.GetQueueId(providerName, (uint)p, (uint)p * spacing))];
    }

    public FeedPartitioner Partitioner { get; }

    public IEnumerable<QueueId> GetAllQueues() => queues;

    public QueueId GetQueueForStream(StreamId streamId) => queues[Partitioner.PartitionOf(SymbolOf(streamId))];

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => queues.Where(q => range.InRange(q.GetUniformHashCode()));

    public static int PartitionOf(QueueId queue) => (int)queue.GetNumericId();

    /// <summary>The symbol a stream belongs to: its key up to the expiry separator.</summary>
    public static string SymbolOf(StreamId streamId)
    {
        var key = streamId.GetKeyAsString();
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? key : key[..separator];
    }
}
