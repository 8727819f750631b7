namespace DeltaStream.Analytics.Pricing;

/// <summary>
/// Price and sensitivities of one European option. Units follow the field names: theta and charm and color
/// are per year of calendar time (d/dt = -d/dT), vega and volga per 1.00 of volatility, rho per 1.00 of rate;
/// the per-day and per-point variants are derived so they can never disagree with the base values.
/// </summary>
public readonly record struct OptionGreeks(
    double Price,
    double Delta,
    double Gamma,
    double Theta,
    double Vega,
    double Rho,
    double DividendRho,
    double Vanna,
    double Volga,
    double Charm,
    double Speed,
    double Zomma,
    double Color)
{
    public double ThetaPerDay => Theta / 365.0;

    public double VegaPerPoint => Vega / 100.0;

    public double RhoPerPoint => Rho / 100.0;
}
