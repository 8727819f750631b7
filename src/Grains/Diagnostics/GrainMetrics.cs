using System.Diagnostics.Metrics;

namespace DeltaStream.Grains.Diagnostics;

/// <summary>Counters of the grains, published through System.Diagnostics.Metrics (exported at /metrics).</summary>
internal static class GrainMetrics
{
    public const string MeterName = "DeltaStream.Grains";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> TicksApplied = Meter.CreateCounter<long>("ticks.applied", description: "Ticks applied to grain state");

    public static readonly Counter<long> TicksDropped = Meter.CreateCounter<long>("ticks.dropped", description: "Ticks dropped by their producer's watermark, by reason (duplicate: its sequence was the last applied; stale: below it)");

    public static readonly Counter<long> TicksRejected = Meter.CreateCounter<long>("ticks.rejected", description: "Ticks rejected by a grain, by reason");

    public static readonly Counter<long> ChainRecomputes = Meter.CreateCounter<long>("chain.recomputes", description: "Chain recomputations (IV, Greeks, analytics)");

    public static readonly Histogram<double> ChainRecomputeSeconds = Meter.CreateHistogram<double>("chain.recompute.duration", unit: "s", description: "Time to recompute one chain");

    public static readonly Counter<long> UpdatesPublished = Meter.CreateCounter<long>("updates.published", description: "Updates pushed to observers (one per observer)");
}
