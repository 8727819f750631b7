using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

/// <summary>No-arbitrage bounds and identities of the American engine over a grid of inputs.</summary>
public sealed class AmericanPropertyTests
{
    private static readonly double[] Moneyness = [0.6, 0.9, 1.0, 1.1, 1.5];
    private static readonly (double Rate, double Yield)[] Carries = [(0.05, 0.0), (0.05, 0.08), (0.0, 0.03), (-0.01, 0.0), (0.02, -0.01), (-0.01, -0.03)];

    public static TheoryData<double, double> TimeAndVol()
    {
        var data = new TheoryData<double, double>();
        foreach (var t in new[] { 7 / 365.0, 0.5, 3.0 })
        {
            foreach (var vol in new[] { 0.1, 0.4, 1.0 })
            {
                data.Add(t, vol);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TimeAndVol))]
    public void American_price_is_at_least_the_European_price_and_intrinsic_and_at_most_the_undiscounted_bound(double t, double vol)
    {
        const double strike = 100;
        foreach (var m in Moneyness)
        {
            foreach (var (r, q) in Carries)
            {
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var spot = strike * m;
                    var p = AmericanOption.Price(type, spot, strike, t, r, q, vol);
                    var intrinsic = Math.Max(type == OptionType.Call ? spot - strike : strike - spot, 0.0);
                    var bound = type == OptionType.Call ? spot * Math.Max(1.0, Math.Exp(-q * t)) : strike * Math.Max(1.0, Math.Exp(-r * t));
                    var label = $"{type} S={spot} t={t} vol={vol} r={r} q={q}";
                    Assert.True(p.Price >= p.EuropeanPrice - 1e-9, $"{label}: American {p.Price} < European {p.EuropeanPrice}");
                    Assert.True(p.Price >= intrinsic, $"{label}: American {p.Price} < intrinsic {intrinsic}");
                    Assert.True(p.Price <= bound, $"{label}: American {p.Price} > {bound}");
                    Assert.Equal(p.Price - p.EuropeanPrice, p.EarlyExercisePremium, 1e-12);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TimeAndVol))]
    public void A_call_without_dividends_and_with_a_non_negative_rate_has_no_early_exercise_premium(double t, double vol)
    {
        foreach (var m in Moneyness)
        {
            var p = AmericanOption.Price(OptionType.Call, 100 * m, 100, t, 0.05, 0.0, vol);

            Assert.Equal(0.0, p.EarlyExercisePremium);
            Assert.Equal(BlackScholesMerton.Price(OptionType.Call, 100 * m, 100, t, 0.05, 0.0, vol), p.Price);
        }
    }

    [Fact]
    public void A_call_equals_the_put_with_spot_and_strike_and_rate_and_yield_swapped()
    {
        var call = AmericanOption.Price(OptionType.Call, 110, 100, 1.5, 0.03, 0.07, 0.3);
        var put = AmericanOption.Price(OptionType.Put, 100, 110, 1.5, 0.07, 0.03, 0.3);

        Assert.Equal(put.Price, call.Price, 1e-10);
        Assert.True(call.EarlyExercisePremium > 0.01);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    public void At_or_after_expiry_the_price_is_intrinsic_with_unit_delta_in_the_money(double t)
    {
        var p = AmericanOption.Price(OptionType.Put, 90, 100, t, 0.05, 0.0, 0.2);
        var g = AmericanOption.Greeks(OptionType.Put, 90, 100, t, 0.05, 0.0, 0.2);

        Assert.Equal(new AmericanPrice(10, 10, 0), p);
        Assert.Equal(-1.0, g.Delta);
        Assert.Equal(0.0, g.Gamma);
    }

    [Theory]
    [InlineData(OptionType.Put, 0.06, 0.0, 0.2)]
    [InlineData(OptionType.Put, 0.05, 0.02, 1.0)]
    [InlineData(OptionType.Call, 0.03, 0.07, 0.2)]
    public void The_finite_difference_grid_agrees_with_the_fixed_point_engine_where_both_apply(OptionType type, double r, double q, double vol)
    {
        foreach (var spot in new[] { 80.0, 100.0, 120.0 })
        {
            var fixedPoint = AmericanOption.Greeks(type, spot, 100, 1.0, r, q, vol);
            var grid = FiniteDifferenceAmerican.Greeks(type, spot, 100, 1.0, r, q, vol, [], AmericanAccuracy.Default);

            Assert.Equal(fixedPoint.Price, grid.Price, 5e-4);
            Assert.Equal(fixedPoint.Delta, grid.Delta, 1e-4);
            Assert.Equal(fixedPoint.Gamma, grid.Gamma, 1e-4);
        }
    }

    [Fact]
    public void A_put_with_yield_below_a_negative_rate_is_exercised_between_two_boundaries()
    {
        // q < r < 0: exercise pays only at intermediate spots; far below, the option is worth more than intrinsic.
        const double r = -0.01, q = -0.03;
        var deep = AmericanOption.Price(OptionType.Put, 20, 100, 2.0, r, q, 0.1);
        var middle = AmericanOption.Price(OptionType.Put, 80, 100, 2.0, r, q, 0.1);

        Assert.True(middle.EarlyExercisePremium > 1e-3, $"premium {middle.EarlyExercisePremium}");
        Assert.True(middle.Price >= 20 - 1e-9);
        Assert.True(deep.Price > 80 + 1e-3, $"deep price {deep.Price}");
        Assert.True(deep.Price >= deep.EuropeanPrice - 1e-9);
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void The_European_price_with_one_cash_dividend_matches_direct_quadrature_of_the_spot_model(OptionType type)
    {
        const double spot = 100, strike = 100, t = 1.0, r = 0.05, q = 0.01, vol = 0.3, exDate = 0.4, amount = 3.0;
        var p = AmericanOption.Price(type, spot, strike, t, r, q, vol, [new CashDividend(exDate, amount)]);

        // E[e^{-r t1} BSM(S(t1) - D)] over the lognormal spot at the ex-date, trapezoid on the standard normal.
        var expected = 0.0;
        const int steps = 4000;
        const double width = 20.0 / steps;
        for (var i = 0; i <= steps; i++)
        {
            var z = -10.0 + (i * width);
            var before = spot * Math.Exp(((r - q - (0.5 * vol * vol)) * exDate) + (vol * Math.Sqrt(exDate) * z));
            var after = Math.Max(before - amount, 1e-12);
            var weight = (i == 0 || i == steps ? 0.5 : 1.0) * width * NormalDistribution.Pdf(z);
            expected += weight * Math.Exp(-r * exDate) * BlackScholesMerton.Price(type, after, strike, t - exDate, r, q, vol);
        }

        Assert.Equal(expected, p.EuropeanPrice, 5e-4);
        Assert.True(p.Price >= p.EuropeanPrice);
    }

    [Theory]
    [MemberData(nameof(TimeAndVol))]
    public void Implied_volatility_round_trips_the_American_price(double t, double vol)
    {
        foreach (var m in new[] { 0.8, 1.0, 1.2 })
        {
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var spot = 100 * m;
                var price = AmericanOption.Price(type, spot, 100, t, 0.04, 0.06, vol).Price;
                var vega = AmericanOption.Greeks(type, spot, 100, t, 0.04, 0.06, vol).Vega;
                var iv = AmericanImpliedVolatility.FromPrice(type, price, spot, 100, t, 0.04, 0.06);
                if (vega < 1e-6 * spot)
                {
                    continue; // the price hardly depends on volatility: any nearby root is as good
                }

                Assert.Equal(ImpliedVolatilityStatus.Ok, iv.Status);
                Assert.True(Math.Abs(iv.Volatility - vol) <= 1e-6 + (1e-9 * spot / vega), $"{type} S={spot} t={t}: iv {iv.Volatility} for {vol}");
            }
        }
    }

    [Fact]
    public void Implied_volatility_reports_prices_outside_the_American_bounds_by_status()
    {
        Assert.Equal(ImpliedVolatilityStatus.BelowIntrinsic, AmericanImpliedVolatility.FromPrice(OptionType.Put, 19.99, 80, 100, 1, 0.05, 0).Status);
        Assert.Equal(ImpliedVolatilityStatus.AtIntrinsic, AmericanImpliedVolatility.FromPrice(OptionType.Put, 20, 80, 100, 1, 0.05, 0).Status);
        Assert.Equal(ImpliedVolatilityStatus.AboveMaximum, AmericanImpliedVolatility.FromPrice(OptionType.Call, 100, 100, 100, 1, 0.05, 0).Status);
        Assert.Equal(ImpliedVolatilityStatus.Expired, AmericanImpliedVolatility.FromPrice(OptionType.Call, 5, 100, 100, 0, 0.05, 0).Status);
        Assert.Equal(ImpliedVolatilityStatus.InvalidInput, AmericanImpliedVolatility.FromPrice(OptionType.Call, double.NaN, 100, 100, 1, 0.05, 0).Status);
    }
}
