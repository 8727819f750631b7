namespace DeltaStream.Analytics.Insights;

/// <summary>
/// What the pulse reads of one chain: its analytics as the chain computed them (decimals: IV 0.20, risk reversal
/// -0.01; exposure in currency) and its strikes ascending. A value the chain does not determine is null.
/// </summary>
public sealed record PulseChain(
    double? Spot,
    double? PcrOi,
    double? MaxPain,
    double? AtmIv,
    double? RiskReversal25d,
    double? ExpectedMove,
    double? NetGex,
    double? GammaFlip,
    double? CallWall,
    double? PutWall,
    IReadOnlyList<PulseStrike> Strikes);
