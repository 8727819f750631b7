namespace DeltaStream.Snapshots;

/// <summary>
/// One side (call or put) of a strike: the last quote with its implied volatility and Greeks at the chain's spot.
/// Every value that cannot be computed is null. Units: theta per year (thetaPerDay = theta/365), vega per 1.00
/// vol (vegaPerPoint = vega/100), rho per 1.00 rate (rhoPerPoint = rho/100), charm per year. <see cref="Change"/>
/// is the last trade against the previous session's close, else against the session's first trade.
/// <see cref="EarlyExercisePremium"/> is the American price at the IV less the European one; null for European chains.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record OptionQuote(
    double Bid,
    double Ask,
    double Last,
    double? Change,
    double? Mid,
    long Volume,
    long Oi,
    long OiChange,
    double? Iv,
    IvStatus IvStatus,
    double? Delta,
    double? Gamma,
    double? Theta,
    double? ThetaPerDay,
    double? Vega,
    double? VegaPerPoint,
    double? Rho,
    double? RhoPerPoint,
    double? Vanna,
    double? Volga,
    double? Charm,
    double? EarlyExercisePremium = null);
