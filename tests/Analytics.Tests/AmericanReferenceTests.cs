using System.Text.Json;
using DeltaStream.Analytics.American;

namespace DeltaStream.Analytics.Tests;

public sealed class AmericanReferenceTests
{
    private static readonly string[] Fields = ["price", "europeanPrice", "earlyExercisePremium", "delta", "gamma", "theta", "vega", "rho"];

    public static TheoryData<string> Cases => ReferenceVectors.American.Ids("american");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_and_every_listed_Greek_are_within_the_case_tolerance(string id)
    {
        var c = ReferenceVectors.American.Case("american", id);
        var dividends = Dividends(c);
        var price = AmericanOption.Price(c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"), dividends);
        var greeks = AmericanOption.Greeks(c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"), dividends);
        var tolerance = c.GetProperty("tolerance");
        var checkedFields = 0;
        foreach (var field in Fields)
        {
            if (c.OptionalNumber(field) is not { } expected || tolerance.OptionalNumber(field) is not { } allowed)
            {
                continue;
            }

            var actual = Field(price, greeks, field);
            Assert.True(
                Math.Abs(actual - expected) <= allowed,
                $"{id} {field}: expected {expected:R}, got {actual:R}, |diff| {Math.Abs(actual - expected):E3} > {allowed:E3}");
            checkedFields++;
        }

        Assert.True(checkedFields >= 5, $"{id}: only {checkedFields} fields checked");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greeks_report_the_same_price_as_the_pricer(string id)
    {
        var c = ReferenceVectors.American.Case("american", id);
        var dividends = Dividends(c);
        var price = AmericanOption.Price(c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"), dividends);
        var greeks = AmericanOption.Greeks(c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"), dividends);

        Assert.Equal(price.Price, greeks.Price, 1e-12 * Math.Max(c.Number("spot"), c.Number("strike")));
        Assert.Equal(price.EuropeanPrice, greeks.EuropeanPrice, 1e-12 * Math.Max(c.Number("spot"), c.Number("strike")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Immediate_exercise_gives_intrinsic_value_unit_delta_and_zero_other_Greeks(string id)
    {
        var c = ReferenceVectors.American.Case("american", id);
        if (!c.GetProperty("exercise_now").GetBoolean())
        {
            return;
        }

        var greeks = AmericanOption.Greeks(c.OptionType(), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), c.Number("vol"), Dividends(c));

        Assert.Equal(c.Number("price"), greeks.Price);
        Assert.Equal(c.OptionType() == OptionType.Call ? 1.0 : -1.0, greeks.Delta);
        Assert.Equal(0.0, greeks.Gamma);
        Assert.Equal(0.0, greeks.Theta);
        Assert.Equal(0.0, greeks.Vega);
        Assert.Equal(0.0, greeks.Rho);
    }

    internal static CashDividend[] Dividends(JsonElement c) =>
        c.TryGetProperty("dividends", out var list)
            ? list.EnumerateArray().Select(d => new CashDividend(d.Number("t"), d.Number("amount"))).ToArray()
            : [];

    private static double Field(AmericanPrice price, AmericanGreeks greeks, string field) => field switch
    {
        "price" => price.Price,
        "europeanPrice" => price.EuropeanPrice,
        "earlyExercisePremium" => price.EarlyExercisePremium,
        "delta" => greeks.Delta,
        "gamma" => greeks.Gamma,
        "theta" => greeks.Theta,
        "vega" => greeks.Vega,
        "rho" => greeks.Rho,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such field"),
    };
}
