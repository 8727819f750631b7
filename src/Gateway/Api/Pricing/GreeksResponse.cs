using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary>The pricing calculator's answer; units as in the chain snapshot.</summary>
public sealed record GreeksResponse(
    double Price, double Delta, double Gamma, double Theta, double ThetaPerDay, double Vega, double VegaPerPoint,
    double Rho, double RhoPerPoint, double Vanna, double Volga, double Charm)
{
    internal static GreeksResponse From(OptionGreeks g) =>
        new(g.Price, g.Delta, g.Gamma, g.Theta, g.ThetaPerDay, g.Vega, g.VegaPerPoint, g.Rho, g.RhoPerPoint, g.Vanna, g.Volga, g.Charm);

    internal bool IsFinite =>
        double.IsFinite(Price) && double.IsFinite(Delta) && double.IsFinite(Gamma) && double.IsFinite(Theta) && double.IsFinite(Vega)
        && double.IsFinite(Rho) && double.IsFinite(Vanna) && double.IsFinite(Volga) && double.IsFinite(Charm);
}
