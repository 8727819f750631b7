using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Tests;

public sealed class PutCallParityReferenceTests
{
    public static TheoryData<string> Cases => ReferenceVectors.Ids("parity");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Published_call_and_put_satisfy_discounted_parity_within_the_stated_tolerance(string id)
    {
        var c = ReferenceVectors.Case("parity", id);
        var forwardValue = PutCallParity.CallMinusPut(c.Number("S"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("q"));

        Tolerance.AssertClose("price", c.Number("S_exp_minus_qT_minus_K_exp_minus_rT"), forwardValue, Tolerance.Floor("price", c.Number("S")), id);
        var holds = Math.Abs(c.Number("call") - c.Number("put") - forwardValue) <= c.Number("tolerance");
        Assert.Equal(c.GetProperty("holds_within_tol").GetBoolean(), holds);
    }
}
