namespace DeltaStream.Analytics.Chain;

/// <summary>Totals, the gamma flip (as a spot level) and the walls of a <see cref="DealerExposure"/>; all null when nothing could be measured.</summary>
public sealed record DealerExposureResult(
    double? NetGex,
    double? NetDex,
    double? NetVex,
    double? GammaFlip,
    double? CallWall,
    double? PutWall,
    IReadOnlyList<StrikeExposure> ByStrike)
{
    public static DealerExposureResult Empty { get; } = new(null, null, null, null, null, null, []);
}
