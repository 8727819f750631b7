using DeltaStream.Grains.Persistence;
using DeltaStream.Grains.Sequencing;

namespace DeltaStream.Grains.Underlyings;

/// <summary>
/// What an underlying grain persists: the current session, the last sequence applied from each producer, and the
/// sequence of the last tick applied, and the stream position all of it was applied up to. Id 8 (one watermark for all
/// producers in earlier versions) is retired.
/// </summary>
[GenerateSerializer]
public sealed class UnderlyingState : IStreamPositioned
{
    [Id(0)]
    public DateOnly? SessionDate { get; set; }

    [Id(1)]
    public double? Open { get; set; }

    [Id(2)]
    public double? High { get; set; }

    [Id(3)]
    public double? Low { get; set; }

    [Id(4)]
    public double? Last { get; set; }

    [Id(5)]
    public double? PrevClose { get; set; }

    [Id(6)]
    public long Volume { get; set; }

    [Id(7)]
    public DateTime? UpdatedAt { get; set; }

    [Id(9)]
    public List<ProducerSequence> Sequences { get; set; } = [];

    [Id(10)]
    public long LastSequence { get; set; }

    [Id(11)]
    public long StreamPosition { get; set; }
}
