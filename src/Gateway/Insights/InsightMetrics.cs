using System.Diagnostics.Metrics;
using DeltaStream.Gateway.Realtime;

namespace DeltaStream.Gateway.Insights;

internal static class InsightMetrics
{
    private static readonly Meter Meter = new(RealtimeMetrics.MeterName);

    public static readonly Counter<long> LiveReadFailures = Meter.CreateCounter<long>("insights.live.failures", description: "Pulse readings for insightUpdate that failed (the chain's next change reads again)");
}
