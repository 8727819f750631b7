using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

/// <summary>The European inversion over a dense grid: its worst error where the price determines the volatility, and warm starts.</summary>
public sealed class ImpliedVolatilityAccuracyTests
{
    private const double Spot = 100, Rate = 0.05, DividendYield = 0.02;

    [Fact]
    public void Worst_error_is_at_most_4e_13_wherever_the_price_determines_the_volatility_to_1e_10()
    {
        var worst = 0.0;
        var conditioned = 0;
        foreach (var (type, strike, time, vol, price) in Grid())
        {
            var vega = BlackScholesMerton.Greeks(type, Spot, strike, time, Rate, DividendYield, vol).Vega;
            // The reference file's conditioning-aware bound: what rounding the price to a double allows.
            if (100 * 2.2e-16 * (price + Spot + strike) / vega > 1e-10)
            {
                continue;
            }

            var iv = ImpliedVolatility.FromSpot(type, price, Spot, strike, time, Rate, DividendYield);
            Assert.Equal(ImpliedVolatilityStatus.Ok, iv.Status);
            worst = Math.Max(worst, Math.Abs(iv.Volatility - vol));
            conditioned++;
        }

        Assert.True(conditioned > 20_000, $"only {conditioned} conditioned cases");
        Assert.True(worst <= 4e-13, $"worst error {worst:E3}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.001)]
    [InlineData(0.97)]
    [InlineData(1.5)]
    [InlineData(0.2)]
    public void Warm_start_reaches_the_cold_answer_to_a_few_ulps(double guessOverRoot)
    {
        foreach (var (type, strike, time, vol, price) in Grid())
        {
            var cold = ImpliedVolatility.FromSpot(type, price, Spot, strike, time, Rate, DividendYield);
            var warm = ImpliedVolatility.FromSpot(type, price, Spot, strike, time, Rate, DividendYield, vol * guessOverRoot);
            Assert.Equal(cold.Status, warm.Status);
            if (cold.IsOk)
            {
                var vega = BlackScholesMerton.Greeks(type, Spot, strike, time, Rate, DividendYield, vol).Vega;
                var noise = Math.Max(8 * 2.2e-16 * cold.Volatility, 100 * 2.2e-16 * (price + Spot + strike) / vega);
                Assert.True(Math.Abs(warm.Volatility - cold.Volatility) <= noise, $"{type} K={strike} T={time} vol={vol}: cold {cold.Volatility:R}, warm {warm.Volatility:R}");
            }
        }
    }

    /// <summary>Strikes 50..200 in 2% steps, one day to ten years, volatilities 1%..300%, calls and puts.</summary>
    private static IEnumerable<(OptionType Type, double Strike, double Time, double Vol, double Price)> Grid()
    {
        double[] days = [1, 2, 5, 7, 14, 30, 61, 91, 182, 365, 730, 1825, 3650];
        for (var vol = 0.01; vol <= 3.0; vol *= 1.15)
        {
            foreach (var d in days)
            {
                for (var strike = 50.0; strike <= 200.0; strike *= 1.02)
                {
                    foreach (var type in new[] { OptionType.Call, OptionType.Put })
                    {
                        var time = d / 365.0;
                        yield return (type, strike, time, vol, BlackScholesMerton.Price(type, Spot, strike, time, Rate, DividendYield, vol));
                    }
                }
            }
        }
    }
}
