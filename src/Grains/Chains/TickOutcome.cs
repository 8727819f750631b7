namespace DeltaStream.Grains.Chains;

/// <summary>
/// What became of a batch's ticks in a grain: applied, dropped as a duplicate (its producer's last applied sequence)
/// or as stale (below it), or rejected as invalid or as off the instrument's strike ladder.
/// </summary>
internal readonly record struct TickOutcome(int Applied, int Duplicates, int Stale, int Rejected, int OffLadder = 0)
{
    public bool Changed => Applied > 0;
}
