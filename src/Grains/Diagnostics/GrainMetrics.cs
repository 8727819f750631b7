using System.Diagnostics.Metrics;

namespace DeltaStream.Grains.Diagnostics;

/// <summary>Counters of the grains, published through System.Diagnostics.Metrics (exported at /metrics).</summary>
internal static class GrainMetrics
{
    public const string MeterName = "DeltaStream.Grains";

    private static readonly Meter Meter = new(MeterName);

    private static readonly ObservableGauge<int> StorageBehind =
        Meter.CreateObservableGauge("storage.behind", () => Persistence.GrainStorageHealth.GrainsBehind, description: "Grains whose state write failed and is being retried, or is overdue");

    public static readonly Counter<long> TicksApplied = Meter.CreateCounter<long>("ticks.applied", description: "Ticks applied to grain state");

    public static readonly Counter<long> TicksDropped = Meter.CreateCounter<long>("ticks.dropped", description: "Ticks dropped by their producer's watermark, by reason (duplicate: its sequence was the last applied; stale: below it)");

    public static readonly Counter<long> TicksRejected = Meter.CreateCounter<long>("ticks.rejected", description: "Ticks rejected by a grain, by reason");

    public static readonly Counter<long> ChainRecomputes = Meter.CreateCounter<long>("chain.recomputes", description: "Chain recomputations (IV, Greeks, analytics)");

    public static readonly Histogram<double> ChainRecomputeSeconds = Meter.CreateHistogram<double>("chain.recompute.duration", unit: "s", description: "Time to recompute one chain");

    public static readonly Counter<long> StorageWrites = Meter.CreateCounter<long>("storage.writes", description: "Grain state writes, by outcome (ok, failed, conflict)");

    public static readonly Counter<long> DurableReportFailures = Meter.CreateCounter<long>("durable.report.failures", description: "Durable stream positions that could not be reported to the tick log (reported again later)");

    public static readonly Counter<long> PruneScheduleFailures = Meter.CreateCounter<long>("users.prune_schedule.failures", description: "Pruning reminders of users' refresh state that could not be written (retried by the grain)");

    public static readonly Counter<long> BatchesReplayed = Meter.CreateCounter<long>("batches.replayed", description: "Batches replayed from the tick log on activation");

    public static readonly Counter<long> UpdatesPublished = Meter.CreateCounter<long>("updates.published", description: "Updates pushed to observers (one per observer)");
}
