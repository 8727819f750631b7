using System.Globalization;

namespace DeltaStream.Analytics.Insights;

/// <summary>The one way numbers are written in evidence and narrative: invariant, no grouping, fixed precision.</summary>
internal static class PulseText
{
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Signed(double value, int decimals) => (value >= 0 ? "+" : string.Empty) + Fixed(value, decimals);

    /// <summary>A price or strike: up to two decimals, trailing zeros dropped.</summary>
    public static string Price(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A volatility (0.1834) in vol points (18.3).</summary>
    public static string VolPoints(double value) => Fixed(value * 100, 1);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A large currency amount: 2.35 bn, 410.2 m, 12.5 k.</summary>
    public static string Amount(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1e9 => Signed(value / 1e9, 2) + " bn",
            >= 1e6 => Signed(value / 1e6, 1) + " m",
            >= 1e3 => Signed(value / 1e3, 1) + " k",
            _ => Signed(value, 0),
        };
    }
}
