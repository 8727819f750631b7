namespace DeltaStream.Grains.Underlyings;

/// <summary>What an underlying grain persists: the current session and the tick watermark.</summary>
[GenerateSerializer]
public sealed class UnderlyingState
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

    [Id(8)]
    public long TickWatermark { get; set; }
}
