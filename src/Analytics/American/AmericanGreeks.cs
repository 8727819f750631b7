namespace DeltaStream.Analytics.American;

/// <summary>
/// Price and plain partial derivatives of an American option, in the units of <see cref="Pricing.OptionGreeks"/>:
/// theta per year of calendar time (dV/dt = -dV/dT, cash-dividend dates fixed in calendar time), vega per 1.00 of
/// volatility, rho per 1.00 of rate with the dividend yield and cash dividends held fixed. Where immediate exercise is
/// optimal the price is intrinsic, delta is +1 or -1 and the other Greeks are exactly zero.
/// </summary>
public readonly record struct AmericanGreeks(
    double Price,
    double EuropeanPrice,
    double EarlyExercisePremium,
    double Delta,
    double Gamma,
    double Theta,
    double Vega,
    double Rho)
{
    public double ThetaPerDay => Theta / 365.0;

    public double VegaPerPoint => Vega / 100.0;

    public double RhoPerPoint => Rho / 100.0;
}
