using System.Text.Json;
using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Tests;

/// <summary>Compares computed Greeks with a reference case, field by field, under the file's tolerances.</summary>
internal static class GreeksAssert
{
    private static readonly string[] ExactFields =
    [
        "price", "delta", "gamma", "theta", "vega", "rho", "vanna", "volga", "charm", "speed", "zomma", "color",
        "theta_per_day", "vega_per_point", "rho_per_point",
    ];

    public static void MatchesHighPrecision(JsonElement c, OptionGreeks g, double scale, bool hasDividendRho)
    {
        var id = c.GetProperty("id").GetString()!;
        foreach (var field in hasDividendRho ? ExactFields.Append("phi") : ExactFields)
        {
            Tolerance.AssertClose(field, c.Number(field), Field(g, field, scale), Tolerance.Floor(field, scale), id);
        }
    }

    public static void MatchesPublished(JsonElement c, OptionGreeks g, double scale)
    {
        var id = c.GetProperty("id").GetString()!;
        var tolerances = c.GetProperty("published_tolerance");
        foreach (var published in c.GetProperty("published").EnumerateObject())
        {
            // A tolerance is either one number for the case or one per published field.
            var tolerance = tolerances.ValueKind == JsonValueKind.Number ? tolerances.GetDouble() : tolerances.Number(published.Name);
            var actual = Field(g, published.Name, scale);
            Assert.True(
                Math.Abs(actual - published.Value.GetDouble()) <= tolerance,
                $"{id} {published.Name}: published {published.Value.GetDouble()}, got {actual:R}, tolerance {tolerance}");
        }
    }

    private static double Field(OptionGreeks g, string name, double underlying) => name switch
    {
        "price" => g.Price,
        "delta" => g.Delta,
        "gamma" => g.Gamma,
        "theta" => g.Theta,
        "vega" => g.Vega,
        "rho" => g.Rho,
        "phi" => g.DividendRho,
        "vanna" => g.Vanna,
        "volga" => g.Volga,
        "charm" => g.Charm,
        "speed" => g.Speed,
        "zomma" => g.Zomma,
        "color" => g.Color,
        "theta_per_day" => g.ThetaPerDay,
        "vega_per_point" => g.VegaPerPoint,
        "rho_per_point" => g.RhoPerPoint,
        "crho_nag" => -g.DividendRho,
        "elasticity" => g.Delta * underlying / g.Price,
        _ => throw new InvalidOperationException($"unknown reference field {name}"),
    };
}
