using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

public sealed class AmericanImpliedVolatilityReferenceTests
{
    public static TheoryData<string> Cases => ReferenceVectors.American.Ids("iv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solver_returns_the_reference_status_and_the_generating_volatility_within_its_tolerance(string id)
    {
        var c = ReferenceVectors.American.Case("iv", id);
        var result = AmericanImpliedVolatility.FromPrice(
            c.OptionType(), c.Number("price"), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), AmericanReferenceTests.Dividends(c));

        var accepted = c.TryGetProperty("accept_status", out var list)
            ? list.EnumerateArray().Select(s => ToStatus(s.GetString()!)).ToArray()
            : [ToStatus(c.GetProperty("status").GetString()!)];
        Assert.Contains(result.Status, accepted);
        if (result.IsOk && c.OptionalNumber("iv") is { } expected)
        {
            var tolerance = c.Number("iv_abs_tol");
            Assert.True(
                Math.Abs(result.Volatility - expected) <= tolerance,
                $"{id}: iv expected {expected:R}, got {result.Volatility:R}, |diff| {Math.Abs(result.Volatility - expected):E3} > {tolerance:E3}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_warm_start_from_a_nearby_volatility_finds_the_same_root(string id)
    {
        var c = ReferenceVectors.American.Case("iv", id);
        if (c.OptionalNumber("iv") is not { } expected)
        {
            return;
        }

        var dividends = AmericanReferenceTests.Dividends(c);
        var cold = AmericanImpliedVolatility.FromPrice(c.OptionType(), c.Number("price"), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), dividends);
        var warm = AmericanImpliedVolatility.FromPrice(c.OptionType(), c.Number("price"), c.Number("spot"), c.Number("strike"), c.Number("t"), c.Number("r"), c.Number("q"), dividends, expected * 1.02);

        Assert.Equal(ImpliedVolatilityStatus.Ok, warm.Status);
        Assert.Equal(cold.Volatility, warm.Volatility, 1e-8);
    }

    private static ImpliedVolatilityStatus ToStatus(string status) => status switch
    {
        "OK" => ImpliedVolatilityStatus.Ok,
        "AT_INTRINSIC" => ImpliedVolatilityStatus.AtIntrinsic,
        "BELOW_INTRINSIC" => ImpliedVolatilityStatus.BelowIntrinsic,
        "ABOVE_MAXIMUM" => ImpliedVolatilityStatus.AboveMaximum,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status in the reference file"),
    };
}
