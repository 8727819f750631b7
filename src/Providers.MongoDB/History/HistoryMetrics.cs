using System.Diagnostics.Metrics;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>Counters of the read-model writer (exported at /metrics), tagged by collection.</summary>
internal static class HistoryMetrics
{
    public const string MeterName = "DeltaStream.MongoDB";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Written = Meter.CreateCounter<long>("history.written", description: "Read-model records inserted into MongoDB");

    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("history.dropped", description: "Read-model records dropped, oldest first, because the buffer was full (MongoDB slow or down)");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("history.duplicates", description: "Read-model records already stored (a bar recorded twice)");

    public static readonly Counter<long> WriteFailures = Meter.CreateCounter<long>("history.write.failures", description: "Failed InsertMany attempts (the batch is retried)");
}
