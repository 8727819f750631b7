namespace DeltaStream.Grains.Chains;

/// <summary>
/// What a chain grain persists: the quotes, the spot, the tick watermark (highest producer sequence applied,
/// so replays after a restart are dropped) and the update sequence (so clients never see it go backwards).
/// </summary>
[GenerateSerializer]
public sealed class ChainState
{
    [Id(0)]
    public double? Spot { get; set; }

    [Id(1)]
    public DateTime? SpotTimestamp { get; set; }

    [Id(2)]
    public long TickWatermark { get; set; }

    [Id(3)]
    public long UpdateSequence { get; set; }

    [Id(4)]
    public DateOnly? SessionDate { get; set; }

    [Id(5)]
    public List<StoredQuote> Quotes { get; set; } = [];
}
