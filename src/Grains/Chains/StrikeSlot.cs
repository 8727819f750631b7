using DeltaStream.Snapshots;

namespace DeltaStream.Grains.Chains;

/// <summary>One strike of a chain: its two sides (null until quoted) and the row last published for it.</summary>
internal sealed class StrikeSlot(double strike)
{
    public double Strike { get; } = strike;

    public OptionSideState? Call { get; set; }

    public OptionSideState? Put { get; set; }

    public StrikeRow? Published { get; set; }
}
