namespace DeltaStream.Analytics.American;

/// <summary>
/// A cash dividend: at <see cref="Time"/> (years from now, calendar) the spot drops by <see cref="Amount"/>
/// (the spot model: volatility applies to the whole spot, not to the spot less the dividends' present value).
/// </summary>
public readonly record struct CashDividend(double Time, double Amount);
