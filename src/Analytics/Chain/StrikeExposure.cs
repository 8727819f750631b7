namespace DeltaStream.Analytics.Chain;

/// <summary>
/// Dealer exposure at one strike, in currency: GEX per 1% move (put GEX negative), DEX per the position's delta,
/// VEX per 1 vol point; dealers long calls and short puts.
/// </summary>
public sealed record StrikeExposure(double Strike, double CallGex, double PutGex, double NetGex, double NetDex, double NetVex);
