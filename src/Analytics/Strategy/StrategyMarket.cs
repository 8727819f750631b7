namespace DeltaStream.Analytics.Strategy;

/// <summary>
/// Where a strategy is valued before expiry: the current spot and forward, the years to expiry and the carry.
/// With <paramref name="PricesOffForward"/> (Black-76) a leg is valued at the forward, which moves with spot in
/// proportion (F/S held); otherwise (BSM) at spot with the dividend yield.
/// </summary>
public readonly record struct StrategyMarket(double Spot, double Forward, double Time, double Rate, double DividendYield, bool PricesOffForward)
{
    /// <summary>The level a leg's Greeks are measured against: the forward under Black-76, else spot.</summary>
    public double Level => PricesOffForward ? Forward : Spot;
}
