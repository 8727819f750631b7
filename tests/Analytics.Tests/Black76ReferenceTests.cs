using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Tests;

public sealed class Black76ReferenceTests
{
    public static TheoryData<string> Cases => ReferenceVectors.Ids("black76");

    public static TheoryData<string> PublishedCases =>
        ReferenceVectors.Ids("black76", c => c.TryGetProperty("published", out _) && c.GetProperty("check_status").GetString() == "ok");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_and_every_greek_match_the_high_precision_reference_with_rho_at_fixed_forward(string id)
    {
        var c = ReferenceVectors.Case("black76", id);
        var greeks = Greeks(c);

        GreeksAssert.MatchesHighPrecision(c, greeks, c.Number("F"), hasDividendRho: false);
        var price = Black76.Price(c.OptionType(), c.Number("F"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("sigma"));
        Assert.Equal(greeks.Price, price, 15);
    }

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void Price_and_greeks_match_the_published_values_within_their_stated_tolerance(string id)
    {
        var c = ReferenceVectors.Case("black76", id);
        GreeksAssert.MatchesPublished(c, Greeks(c), c.Number("F"));
    }

    private static OptionGreeks Greeks(System.Text.Json.JsonElement c) =>
        Black76.Greeks(c.OptionType(), c.Number("F"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("sigma"));
}
