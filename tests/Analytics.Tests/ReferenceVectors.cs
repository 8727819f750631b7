using System.Text.Json;

namespace DeltaStream.Analytics.Tests;

/// <summary>The shared reference file, copied into TestData so tests run from a plain clone.</summary>
internal static class ReferenceVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "pricing-vectors.json"))));

    public static JsonElement Section(string name) => Document.Value.RootElement.GetProperty(name);

    public static JsonElement Case(string section, string id) =>
        Section(section).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    public static TheoryData<string> Ids(string section, Func<JsonElement, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in Section(section).EnumerateArray())
        {
            if (filter is null || filter(c))
            {
                data.Add(c.GetProperty("id").GetString()!);
            }
        }

        return data;
    }

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static double? OptionalNumber(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static OptionType OptionType(this JsonElement element) =>
        element.GetProperty("type").GetString() == "call" ? Analytics.OptionType.Call : Analytics.OptionType.Put;

    public static bool IsUnderflow(this JsonElement element, string field) =>
        element.TryGetProperty("underflow_fields", out var fields) && fields.EnumerateArray().Any(f => f.GetString() == field);
}
