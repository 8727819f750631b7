namespace DeltaStream.Snapshots;

/// <summary>Chain-level analytics; a value that the chain's quotes do not determine is null.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ChainAnalytics(
    double? PcrOi,
    double? PcrVolume,
    double? MaxPain,
    double? AtmStrike,
    double? AtmIv,
    double? Straddle,
    double? ExpectedMove,
    double? RiskReversal25d,
    double? Butterfly25d,
    long TotalCallOi,
    long TotalPutOi,
    double? NetGex,
    double? GammaFlip,
    double? CallWall,
    double? PutWall)
{
    public static ChainAnalytics Empty { get; } = new(null, null, null, null, null, null, null, null, null, 0, 0, null, null, null, null);
}
