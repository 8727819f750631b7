using System.Text.Json;

namespace DeltaStream.Analytics.Tests;

/// <summary>The shared reference files (European pricing vectors by default, American vectors on request).</summary>
internal static class ReferenceVectors
{
    private static readonly ReferenceFile Pricing = new("pricing-vectors.json");

    public static ReferenceFile American { get; } = new("american-vectors.json");

    public static JsonElement Section(string name) => Pricing.Section(name);

    public static JsonElement Case(string section, string id) => Pricing.Case(section, id);

    public static TheoryData<string> Ids(string section, Func<JsonElement, bool>? filter = null) => Pricing.Ids(section, filter);

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static double? OptionalNumber(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static OptionType OptionType(this JsonElement element) =>
        element.GetProperty("type").GetString() == "call" ? Analytics.OptionType.Call : Analytics.OptionType.Put;

    public static bool IsUnderflow(this JsonElement element, string field) =>
        element.TryGetProperty("underflow_fields", out var fields) && fields.EnumerateArray().Any(f => f.GetString() == field);
}
