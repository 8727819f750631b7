using DeltaStream.Snapshots;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// The market a chain is valued in at one instant. Under Black-76 Greeks are taken with respect to the forward,
/// so exposure is measured at the forward and BSM with carry yield = rate reproduces Black-76 gamma.
/// </summary>
/// <see cref="DaysPerYear"/> is the length of a year in the chain's time basis, the divisor of a per-day theta.
internal readonly record struct ChainMarket(PricingModel Model, double? Spot, double? Forward, double Time, double Rate, double DividendYield, double Multiplier, double DaysPerYear)
{
    /// <summary>The level Greeks are taken against: spot under BSM, forward under Black-76.</summary>
    public double? ExposureLevel => Model == PricingModel.Black76 ? Forward : Spot;

    /// <summary>The yield that makes BSM gamma at <see cref="ExposureLevel"/> equal the model's gamma.</summary>
    public double CarryYield => Model == PricingModel.Black76 ? Rate : DividendYield;
}
