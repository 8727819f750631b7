using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary>The pricing calculator's answer; units as in the chain snapshot.</summary>
public sealed record GreeksResponse(
    double Price, double Delta, double Gamma, double Theta, double ThetaPerDay, double Vega, double VegaPerPoint,
    double Rho, double RhoPerPoint, double Vanna, double Volga, double Charm)
{
    internal static GreeksResponse From(OptionGreeks g) =>
        new(g.Price, g.Delta, g.Gamma, g.Theta, g.ThetaPerDay, g.Vega, g.VegaPerPoint, g.Rho, g.RhoPerPoint, g.Vanna, g.Volga, g.Charm);
}
