using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Tests;

public sealed class BlackScholesMertonReferenceTests
{
    public static TheoryData<string> Cases => ReferenceVectors.Ids("bsm");

    public static TheoryData<string> PublishedCases =>
        ReferenceVectors.Ids("bsm", c => c.TryGetProperty("published", out _) && c.GetProperty("check_status").GetString() == "ok");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_and_every_greek_match_the_high_precision_reference(string id)
    {
        var c = ReferenceVectors.Case("bsm", id);
        var greeks = Greeks(c);

        GreeksAssert.MatchesHighPrecision(c, greeks, c.Number("S"), hasDividendRho: true);
        var price = BlackScholesMerton.Price(c.OptionType(), c.Number("S"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("q"), c.Number("sigma"));
        Assert.Equal(greeks.Price, price, 15);
    }

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void Price_and_greeks_match_the_published_values_within_their_stated_tolerance(string id)
    {
        var c = ReferenceVectors.Case("bsm", id);
        GreeksAssert.MatchesPublished(c, Greeks(c), c.Number("S"));
    }

    private static OptionGreeks Greeks(System.Text.Json.JsonElement c) =>
        BlackScholesMerton.Greeks(c.OptionType(), c.Number("S"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("q"), c.Number("sigma"));
}
