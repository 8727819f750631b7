using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

/// <summary>Model identities checked over grids and fixed-seed random draws rather than single points.</summary>
public sealed class PropertyTests
{
    private static readonly double[] Days = [1, 2, 7, 30, 91, 182, 365, 730, 1825];
    private static readonly double[] Vols = [0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3.0, 5.0];
    private static readonly double[] Moneyness = [0.7, 0.9, 0.97, 1.0, 1.03, 1.1, 1.4];

    public static TheoryData<double, double> TimeAndVolGrid()
    {
        var data = new TheoryData<double, double>();
        foreach (var d in Days)
        {
            foreach (var v in Vols)
            {
                data.Add(d, v);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TimeAndVolGrid))]
    public void Implied_volatility_round_trips_the_model_price_from_one_day_to_five_years(double days, double vol)
    {
        const double spot = 100, rate = 0.05, dividendYield = 0.02;
        var t = days / 365.0;
        foreach (var m in Moneyness)
        {
            var strike = spot * m;
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var price = BlackScholesMerton.Price(type, spot, strike, t, rate, dividendYield, vol);
                var iv = ImpliedVolatility.FromSpot(type, price, spot, strike, t, rate, dividendYield);
                var vega = BlackScholesMerton.Greeks(type, spot, strike, t, rate, dividendYield, vol).Vega;
                var tolerance = RoundTripTolerance(vol, price, spot + strike, vega);
                if (iv.Status == ImpliedVolatilityStatus.AtIntrinsic)
                {
                    Assert.True(tolerance > 1e-3, $"{type} K={strike} T={days}d vol={vol}: at intrinsic although sigma is recoverable");
                    continue;
                }

                Assert.Equal(ImpliedVolatilityStatus.Ok, iv.Status);
                Assert.True(Math.Abs(iv.Volatility - vol) <= tolerance, $"{type} K={strike} T={days}d vol={vol}: got {iv.Volatility:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TimeAndVolGrid))]
    public void Greeks_equal_central_finite_differences_of_the_price(double days, double vol)
    {
        const double spot = 100, rate = 0.03, dividendYield = 0.01;
        var t = days / 365.0;
        foreach (var m in Moneyness)
        {
            var k = spot * m;
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var g = BlackScholesMerton.Greeks(type, spot, k, t, rate, dividendYield, vol);
                double P(double s = spot, double tt = -1, double r = rate, double q = dividendYield, double v = -1) =>
                    BlackScholesMerton.Price(type, s, k, tt < 0 ? t : tt, r, q, v < 0 ? vol : v);

                // Steps scale with the distribution's width so truncation error stays below the tolerance.
                var hs = spot * vol * Math.Sqrt(t) * 1e-3;
                var ht = Math.Min(t * 1e-4, 1e-5);
                var hv = vol * 1e-4;
                var hr = 1e-5;
                AssertNear("delta", (P(s: spot + hs) - P(s: spot - hs)) / (2 * hs), g.Delta, g.Price);
                AssertNear("gamma", (P(s: spot + hs) - (2 * P()) + P(s: spot - hs)) / (hs * hs), g.Gamma, g.Price / (spot * spot) * 1e4);
                AssertNear("theta", -(P(tt: t + ht) - P(tt: t - ht)) / (2 * ht), g.Theta, g.Price / t);
                AssertNear("vega", (P(v: vol + hv) - P(v: vol - hv)) / (2 * hv), g.Vega, g.Price / vol);
                AssertNear("rho", (P(r: rate + hr) - P(r: rate - hr)) / (2 * hr), g.Rho, g.Price * 10);
                AssertNear("phi", (P(q: dividendYield + hr) - P(q: dividendYield - hr)) / (2 * hr), g.DividendRho, g.Price * 10);

                void AssertNear(string name, double fd, double analytic, double scale) =>
                    Assert.True(
                        Math.Abs(fd - analytic) <= (1e-5 * Math.Abs(analytic)) + (1e-7 * Math.Max(scale, 1)),
                        $"{name} {type} K={k} T={days}d vol={vol}: analytic {analytic:R} vs finite difference {fd:R}");
            }
        }
    }

    [Fact]
    public void Put_call_parity_holds_for_model_prices_including_negative_rates()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 2000; i++)
        {
            var spot = 1 + (random.NextDouble() * 1000);
            var strike = spot * (0.5 + random.NextDouble());
            var t = (1 + random.Next(3650)) / 365.0;
            var r = -0.02 + (random.NextDouble() * 0.12);
            var q = random.NextDouble() * 0.06;
            var vol = 0.02 + (random.NextDouble() * 2);
            var call = BlackScholesMerton.Price(OptionType.Call, spot, strike, t, r, q, vol);
            var put = BlackScholesMerton.Price(OptionType.Put, spot, strike, t, r, q, vol);
            Assert.True(Math.Abs(call - put - PutCallParity.CallMinusPut(spot, strike, t, r, q)) <= 1e-11 * (spot + strike));
        }
    }

    [Fact]
    public void Price_increases_with_volatility_strictly_wherever_vega_exceeds_rounding()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var m in Moneyness)
            {
                var previous = 0.0;
                for (var vol = 0.02; vol <= 5.0; vol += 0.02)
                {
                    var price = BlackScholesMerton.Price(type, 100, 100 * m, 0.5, 0.04, 0.01, vol);
                    var vega = BlackScholesMerton.Greeks(type, 100, 100 * m, 0.5, 0.04, 0.01, vol).Vega;
                    Assert.True(price >= previous, $"{type} m={m} vol={vol}: {price} below {previous}");
                    Assert.True(price > previous || vega * 0.02 < 1e-13 * price, $"{type} m={m} vol={vol}: flat although vega is {vega}");
                    previous = price;
                }
            }
        }
    }

    [Fact]
    public void Black76_implied_volatility_round_trips_and_equals_bsm_with_carry_equal_to_rate()
    {
        foreach (var m in Moneyness)
        {
            var price = Black76.Price(OptionType.Put, 24000, 24000 * m, 0.1, 0.065, 0.18);
            var iv = ImpliedVolatility.FromForward(OptionType.Put, price, 24000, 24000 * m, 0.1, 0.065);
            var vega = Black76.Greeks(OptionType.Put, 24000, 24000 * m, 0.1, 0.065, 0.18).Vega;
            Assert.Equal(ImpliedVolatilityStatus.Ok, iv.Status);
            Assert.True(Math.Abs(iv.Volatility - 0.18) <= RoundTripTolerance(0.18, price, 24000 * (1 + m), vega), $"m={m}: {iv.Volatility:R}");
            Assert.Equal(price, BlackScholesMerton.Price(OptionType.Put, 24000, 24000 * m, 0.1, 0.065, 0.065, 0.18), 9);
        }
    }

    /// <summary>
    /// 1e-12 relative where the price pins sigma down; wider where vega is so small that rounding the price to a
    /// double already moves sigma more (the reference file's conditioning-aware rule).
    /// </summary>
    private static double RoundTripTolerance(double vol, double price, double bounds, double vega) =>
        Math.Max(1e-12 * vol, 64 * double.Epsilon + (100 * 1.1e-16 * (price + bounds) / vega));

    [Theory]
    [InlineData(double.NaN, 100, 100, 0.5, 0.05, 0.0)]
    [InlineData(5, double.PositiveInfinity, 100, 0.5, 0.05, 0.0)]
    [InlineData(5, 0, 100, 0.5, 0.05, 0.0)]
    [InlineData(5, 100, -1, 0.5, 0.05, 0.0)]
    [InlineData(5, 100, 100, 0.5, double.NaN, 0.0)]
    [InlineData(5, 100, 100, 0.5, 0.05, double.NegativeInfinity)]
    public void Non_finite_or_out_of_domain_inputs_give_invalid_input_not_an_exception(double price, double spot, double strike, double t, double r, double q)
    {
        var result = ImpliedVolatility.FromSpot(OptionType.Call, price, spot, strike, t, r, q);
        Assert.Equal(ImpliedVolatilityStatus.InvalidInput, result.Status);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Negative_time_is_expired()
    {
        Assert.Equal(ImpliedVolatilityStatus.Expired, ImpliedVolatility.FromSpot(OptionType.Put, 1, 100, 100, -0.1, 0.05, 0).Status);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.19)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void An_initial_guess_never_changes_the_root(double guess)
    {
        foreach (var m in Moneyness)
        {
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var price = BlackScholesMerton.Price(type, 100, 100 * m, 0.25, 0.03, 0.01, 0.2);
                var cold = ImpliedVolatility.FromSpot(type, price, 100, 100 * m, 0.25, 0.03, 0.01);
                var warm = ImpliedVolatility.FromSpot(type, price, 100, 100 * m, 0.25, 0.03, 0.01, guess);
                Assert.Equal(cold.Status, warm.Status);
                Assert.Equal(cold.Volatility, warm.Volatility, 1e-14);
            }
        }
    }
}
