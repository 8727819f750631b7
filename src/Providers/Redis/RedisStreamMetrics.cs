using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DeltaStream.Providers.Redis;

/// <summary>What the Redis Streams provider counts, exported at /metrics with the other meters.</summary>
internal static class RedisStreamMetrics
{
    private static readonly Meter Meter = new("DeltaStream.Redis");
    private static readonly ConcurrentDictionary<string, QueueState> Queues = new();

    public static readonly Counter<long> EntriesRead = Meter.CreateCounter<long>("entries.read", description: "Feed entries read from Redis");

    public static readonly Counter<long> TicksDelivered = Meter.CreateCounter<long>("ticks.routed", description: "Valid ticks handed to the stream cache");

    public static readonly Counter<long> TicksRejected = Meter.CreateCounter<long>("ticks.rejected", description: "Ticks or entries refused, by reason");

    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("deadlettered", description: "Records written to the dead-letter streams");

    public static readonly Counter<long> DeadLetterFailures = Meter.CreateCounter<long>("deadletter.failures", description: "Dead-letter records that could not be written (the entry's valid ticks were still delivered)");

    public static readonly Counter<long> EntriesWritten = Meter.CreateCounter<long>("entries.written", description: "Feed entries written by producers through the stream API");

    static RedisStreamMetrics()
    {
        // One series: the per-queue gauges below keep a series for a queue this silo read once, even after it moved on.
        Meter.CreateObservableGauge("queues.owned", () => Queues.Count, description: "Queues this silo's pulling agents read now");
        Meter.CreateObservableGauge("queue.lag", () => Queues.Select(q => new Measurement<long>(q.Value.Lag, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Entries behind the stream's tail: written but not yet read by the queue's pulling agent");
        Meter.CreateObservableGauge("queue.checkpoint.age", () => Queues.Select(q => new Measurement<double>(q.Value.SecondsSince(q.Value.CheckpointAt), new KeyValuePair<string, object?>("queue", q.Key))),
            unit: "s", description: "Seconds since the queue's checkpoint last moved");
        Meter.CreateObservableGauge("queue.retained.age", () => Queues.Select(q => new Measurement<double>(q.Value.OldestRetainedAt is { } at ? q.Value.SecondsSince(at) : 0, new KeyValuePair<string, object?>("queue", q.Key))),
            unit: "s", description: "Age of the oldest entry read but not yet durable in every grain it fed (0 when none): how overdue grain writes are");
    }

    public static QueueState Track(string queue, TimeProvider clock) => Queues.GetOrAdd(queue, _ => new QueueState(clock));

    public static void Untrack(string queue) => Queues.TryRemove(queue, out _);

    /// <summary>A queue's figures, its instants read on the clock the receiver stamps them with.</summary>
    internal sealed class QueueState(TimeProvider clock)
    {
        public long Lag { get; set; }

        public DateTime CheckpointAt { get; set; } = clock.GetUtcNow().UtcDateTime;

        public DateTime? OldestRetainedAt { get; set; }

        public double SecondsSince(DateTime instant) => (clock.GetUtcNow().UtcDateTime - instant).TotalSeconds;
    }
}
