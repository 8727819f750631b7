using System.Text.Json;

namespace DeltaStream.Analytics.Tests;

/// <summary>One reference file copied into TestData, so tests run from a plain clone; parsed on first use.</summary>
internal sealed class ReferenceFile(string fileName)
{
    private readonly Lazy<JsonDocument> document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", fileName))));

    public JsonElement Section(string name) => document.Value.RootElement.GetProperty(name);

    public JsonElement Case(string section, string id) =>
        Section(section).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    public TheoryData<string> Ids(string section, Func<JsonElement, bool>? filter = null)
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
}
