namespace DeltaStream.Grains.Chains;

/// <summary>What became of a batch's ticks in a grain.</summary>
internal readonly record struct TickOutcome(int Applied, int Duplicates, int Rejected)
{
    public bool Changed => Applied > 0;
}
