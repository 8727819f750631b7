using DeltaStream.Grains.Chains;

namespace DeltaStream.Grains.Diagnostics;

internal static class TickCounters
{
    public static void Record(TickOutcome outcome, string kind)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        if (outcome.Applied > 0)
        {
            GrainMetrics.TicksApplied.Add(outcome.Applied, tag);
        }

        if (outcome.Duplicates > 0)
        {
            GrainMetrics.TicksDropped.Add(outcome.Duplicates, tag, new KeyValuePair<string, object?>("reason", "duplicate"));
        }

        if (outcome.Stale > 0)
        {
            GrainMetrics.TicksDropped.Add(outcome.Stale, tag, new KeyValuePair<string, object?>("reason", "stale"));
        }

        if (outcome.Rejected > 0)
        {
            GrainMetrics.TicksRejected.Add(outcome.Rejected, tag, new KeyValuePair<string, object?>("reason", "invalid"));
        }

        if (outcome.OffLadder > 0)
        {
            GrainMetrics.TicksRejected.Add(outcome.OffLadder, tag, new KeyValuePair<string, object?>("reason", "offLadderStrike"));
        }
    }
}
