using DeltaStream.Grains.Sequencing;

namespace DeltaStream.Grains.Chains;

/// <summary>Counts a batch's ticks by what became of them.</summary>
internal struct TickTally
{
    public int Applied;
    public int Duplicates;
    public int Stale;
    public int Rejected;
    public int OffLadder;

    /// <summary>Counts a tick the watermark refused; true when it was accepted and is to be applied.</summary>
    public bool Accept(SequenceVerdict verdict)
    {
        switch (verdict)
        {
            case SequenceVerdict.Duplicate:
                Duplicates++;
                return false;
            case SequenceVerdict.Stale:
                Stale++;
                return false;
            default:
                return true;
        }
    }

    public readonly TickOutcome ToOutcome() => new(Applied, Duplicates, Stale, Rejected, OffLadder);
}
