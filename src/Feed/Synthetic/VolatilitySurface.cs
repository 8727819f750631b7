namespace DeltaStream.Feed.Synthetic;

/// <summary>
/// The feed's volatility model: an ATM level with an upward-sloping term structure and a smile in standardised
/// moneyness z = ln(K/F) / (sigma_atm sqrt T), skewed so that out-of-the-money puts trade richer, as in equity indices.
/// </summary>
internal static class VolatilitySurface
{
    public static double AtmVolatility(double baseVolatility, double time) =>
        baseVolatility * (0.92 + (0.08 * Math.Min(time / 0.25, 2.0)));

    public static double StandardisedMoneyness(double strike, double forward, double atmVolatility, double time) =>
        Math.Log(strike / forward) / (atmVolatility * Math.Sqrt(time));

    public static double Volatility(double atmVolatility, double z) =>
        atmVolatility * Math.Clamp(1.0 - (0.04 * z) + (0.012 * z * z), 0.5, 3.0);
}
