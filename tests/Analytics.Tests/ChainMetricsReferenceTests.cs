using DeltaStream.Analytics.Chain;

namespace DeltaStream.Analytics.Tests;

public sealed class ChainMetricsReferenceTests
{
    public static TheoryData<string> MaxPainCases => ReferenceVectors.Ids("maxpain");

    public static TheoryData<string> PcrCases => ReferenceVectors.Ids("pcr");

    [Theory]
    [MemberData(nameof(MaxPainCases))]
    public void Max_pain_and_pain_by_strike_match_the_reference_with_lowest_strike_on_ties(string id)
    {
        var c = ReferenceVectors.Case("maxpain", id);
        var strikes = c.GetProperty("strikes").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var callOi = c.GetProperty("call_oi").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var putOi = c.GetProperty("put_oi").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var pain = new double[strikes.Length];

        var index = MaxPain.Compute(strikes, callOi, putOi, c.Number("contract_multiplier"), pain);

        Assert.Equal(c.Number("max_pain"), strikes[index]);
        var expected = c.GetProperty("pain_by_settlement").EnumerateArray().Select(e => e.Number("total")).ToArray();
        Assert.Equal(expected, pain);
    }

    [Theory]
    [MemberData(nameof(PcrCases))]
    public void Put_call_ratio_matches_the_reference_and_its_published_rounding(string id)
    {
        var c = ReferenceVectors.Case("pcr", id);
        var pcr = PutCallRatio.Compute(c.Number("put_total"), c.Number("call_total"));

        if (c.OptionalNumber("pcr") is not { } expected)
        {
            Assert.Null(pcr);
            return;
        }

        Assert.NotNull(pcr);
        Assert.Equal(expected, pcr.Value, 15);
        if (c.OptionalNumber("published") is { } published)
        {
            Assert.Equal(published, Math.Round(pcr.Value, 2));
        }
    }

    [Fact]
    public void Put_call_ratio_is_undefined_without_calls()
    {
        Assert.Null(PutCallRatio.Compute(100, 0));
    }

    [Fact]
    public void Max_pain_is_undefined_for_an_empty_chain_or_one_without_open_interest()
    {
        Assert.Equal(-1, MaxPain.Compute([], [], [], 1, []));
        Assert.Equal(-1, MaxPain.Compute([100, 105], [0, 0], [0, 0], 1, new double[2]));
    }
}
