namespace DeltaStream.Analytics.Tests;

/// <summary>The file's recommended tolerance for high-precision vectors: max(1e-9 |ref|, abs_floor).</summary>
internal static class Tolerance
{
    public static void AssertClose(string field, double expected, double actual, double absoluteFloor, string caseId)
    {
        var tolerance = Math.Max(1e-9 * Math.Abs(expected), absoluteFloor);
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"{caseId} {field}: expected {expected:R}, got {actual:R}, |diff| {Math.Abs(actual - expected):E3} > {tolerance:E3}");
    }

    /// <summary>Absolute floors per field, scaled by the underlying level as the reference file prescribes.</summary>
    public static double Floor(string field, double scale) => field switch
    {
        "price" or "theta" or "vega" or "rho" or "phi" or "volga" => 1e-12 * scale,
        "theta_per_day" or "vega_per_point" or "rho_per_point" => 1e-14 * scale,
        "delta" or "vanna" or "charm" => 1e-12,
        "gamma" or "zomma" or "color" => 1e-12 / scale,
        "speed" => 1e-12 / (scale * scale),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no tolerance defined"),
    };
}
