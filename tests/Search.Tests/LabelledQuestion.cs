using System.Text.Json;

namespace DeltaStream.Search.Tests;

/// <summary>A question over the docs and the sources (file#section) that answer it, from TestData/questions.json.</summary>
public sealed record LabelledQuestion(string Question, string[] Sources)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<LabelledQuestion> Load() =>
        JsonSerializer.Deserialize<LabelledQuestion[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "questions.json")), Json)!;
}
