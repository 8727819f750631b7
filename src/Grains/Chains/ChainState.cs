using DeltaStream.Grains.Persistence;
using DeltaStream.Grains.Sequencing;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// What a chain grain persists: the quotes with each contract's producer watermarks, the spot with the underlying's,
/// the session date and the stream position all of it was applied up to. Ids 2 (one chain-wide watermark) and 3 (the
/// update sequence, now numbered per epoch) of earlier versions are retired.
/// </summary>
[GenerateSerializer]
public sealed class ChainState : IStreamPositioned
{
    [Id(0)]
    public double? Spot { get; set; }

    [Id(1)]
    public DateTime? SpotTimestamp { get; set; }

    [Id(4)]
    public DateOnly? SessionDate { get; set; }

    [Id(5)]
    public List<StoredQuote> Quotes { get; set; } = [];

    [Id(6)]
    public List<ProducerSequence> SpotSequences { get; set; } = [];

    [Id(7)]
    public long StreamPosition { get; set; }

    /// <summary>The settlement instant once the chain has settled; it takes no ticks after it.</summary>
    [Id(8)]
    public DateTime? SettledAt { get; set; }

    [Id(9)]
    public double? SettlementPrice { get; set; }
}
