using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

/// <summary>The chain's path: implied volatility with Greeks from the search's own boundary, at the chain preset.</summary>
public sealed class AmericanImpliedGreeksTests
{
    private static readonly string[] Fields = ["price", "delta", "gamma", "theta", "vega", "rho"];

    public static TheoryData<string> Cases => ReferenceVectors.American.Ids("american");

    // A chain lists expiries within a year; longer reference cases (3 and 10 years) need the default preset.
    private const double ChainHorizon = 1.0;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greeks_at_the_implied_volatility_of_a_reference_price_within_a_year_are_within_the_case_tolerance(string id) =>
        AssertWithinTolerance(id, warmFromNearbyPrice: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_warm_start_kept_from_a_nearby_price_leaves_the_greeks_within_the_case_tolerance(string id) =>
        AssertWithinTolerance(id, warmFromNearbyPrice: true);

    private static void AssertWithinTolerance(string id, bool warmFromNearbyPrice)
    {
        var c = ReferenceVectors.American.Case("american", id);
        var dividends = AmericanReferenceTests.Dividends(c);
        var (type, spot, strike, t, r, q, vol) = (c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"));
        if (c.GetProperty("exercise_now").GetBoolean() || t > ChainHorizon)
        {
            return;
        }

        var price = c.Number("price");
        var warm = new AmericanWarmStart();
        if (warmFromNearbyPrice)
        {
            // As a chain's quote after a move: the last solve was of the price one would see at 5% more volatility.
            var nearby = AmericanOption.Price(type, spot, strike, t, r, q, vol * 1.05, dividends).Price;
            AmericanImpliedVolatility.WithGreeks(type, nearby, spot, strike, t, r, q, dividends, warm, vol, AmericanAccuracy.Chain);
        }

        var solved = AmericanImpliedVolatility.WithGreeks(type, price, spot, strike, t, r, q, dividends, warm, vol * 1.05, AmericanAccuracy.Chain);
        if (solved.ImpliedVolatility.Status == ImpliedVolatilityStatus.Ok)
        {
            var tolerance = c.GetProperty("tolerance");
            foreach (var field in Fields)
            {
                if (c.OptionalNumber(field) is not { } expected || tolerance.OptionalNumber(field) is not { } allowed)
                {
                    continue;
                }

                var actual = Field(solved.Greeks, field);
                Assert.True(
                    Math.Abs(actual - expected) <= allowed,
                    $"{id} {field}: expected {expected:R}, got {actual:R}, |diff| {Math.Abs(actual - expected):E3} > {allowed:E3} (iv {solved.ImpliedVolatility.Volatility:R}, vol {vol:R})");
            }
        }
        else
        {
            // Only a price so flat in volatility that the search cannot tell volatilities apart (the premium is all intrinsic).
            Assert.True(Math.Abs(price - AmericanOption.Intrinsic(type, spot, strike)) < 1e-6 * Math.Max(spot, strike), $"{id}: {solved.ImpliedVolatility.Status}");
        }
    }

    private static double Field(AmericanGreeks greeks, string field) => field switch
    {
        "price" => greeks.Price,
        "delta" => greeks.Delta,
        "gamma" => greeks.Gamma,
        "theta" => greeks.Theta,
        "vega" => greeks.Vega,
        "rho" => greeks.Rho,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such field"),
    };
}
