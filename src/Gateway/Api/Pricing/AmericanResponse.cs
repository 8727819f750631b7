using DeltaStream.Analytics.American;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary>GET /api/v1/pricing/american: the American price, its European counterpart and the Greeks; units as in the chain snapshot.</summary>
public sealed record AmericanResponse(
    double Price, double EuropeanPrice, double EarlyExercisePremium, double Delta, double Gamma, double Theta, double ThetaPerDay,
    double Vega, double VegaPerPoint, double Rho, double RhoPerPoint)
{
    internal static AmericanResponse From(AmericanGreeks g) =>
        new(g.Price, g.EuropeanPrice, g.EarlyExercisePremium, g.Delta, g.Gamma, g.Theta, g.ThetaPerDay, g.Vega, g.VegaPerPoint, g.Rho, g.RhoPerPoint);

    internal bool IsFinite =>
        double.IsFinite(Price) && double.IsFinite(EuropeanPrice) && double.IsFinite(EarlyExercisePremium) && double.IsFinite(Delta)
        && double.IsFinite(Gamma) && double.IsFinite(Theta) && double.IsFinite(Vega) && double.IsFinite(Rho);
}
