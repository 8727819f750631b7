using System.Text.Json;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.Tests;

public sealed class ImpliedVolatilityReferenceTests
{
    public static TheoryData<string> Cases => ReferenceVectors.Ids("iv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solver_returns_the_reference_status_and_root_within_the_conditioning_aware_tolerance(string id)
    {
        var c = ReferenceVectors.Case("iv", id);
        var result = ImpliedVolatility.FromSpot(c.OptionType(), c.Number("price"), c.Number("S"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("q"));

        var accepted = c.TryGetProperty("accept_status", out var list)
            ? list.EnumerateArray().Select(s => ToStatus(s.GetString()!)).ToArray()
            : [ToStatus(c.GetProperty("status").GetString()!)];
        Assert.Contains(result.Status, accepted);

        if (!result.IsOk)
        {
            Assert.Null(result.Value);
        }
        else if (c.OptionalNumber("iv") is { } expected)
        {
            var tolerance = c.Number("iv_abs_tol");
            Assert.True(
                Math.Abs(result.Volatility - expected) <= tolerance,
                $"{id}: iv expected {expected:R}, got {result.Volatility:R}, |diff| {Math.Abs(result.Volatility - expected):E3} > {tolerance:E3}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Published_implied_volatilities_are_reproduced_within_their_tolerance(string id)
    {
        var c = ReferenceVectors.Case("iv", id);
        if (c.OptionalNumber("published_iv") is not { } published || !c.TryGetProperty("published_tolerance", out var tol)
            || !c.GetProperty("published_matches").GetBoolean())
        {
            Assert.False(c.TryGetProperty("published_matches", out var m) && m.ValueKind == JsonValueKind.True, $"{id} has a published value the test did not check");
            return;
        }

        var result = ImpliedVolatility.FromSpot(c.OptionType(), c.Number("price"), c.Number("S"), c.Number("K"), c.Number("T"), c.Number("r"), c.Number("q"));
        Assert.True(Math.Abs(result.Volatility - published) <= tol.GetDouble(), $"{id}: published {published}, got {result.Volatility:R}");
    }

    private static ImpliedVolatilityStatus ToStatus(string status) => status switch
    {
        "OK" => ImpliedVolatilityStatus.Ok,
        "AT_INTRINSIC" => ImpliedVolatilityStatus.AtIntrinsic,
        "BELOW_INTRINSIC" => ImpliedVolatilityStatus.BelowIntrinsic,
        "ABOVE_MAXIMUM" => ImpliedVolatilityStatus.AboveMaximum,
        "UNDEFINED_T0" => ImpliedVolatilityStatus.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status in the reference file"),
    };
}
