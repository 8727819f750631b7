using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DeltaStream.EndToEnd.Tests;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// docker-compose.yml as compose reads it: anchors and merge keys resolved, and <c>${NAME}</c>, <c>${NAME:-default}</c>
/// and <c>${NAME:?message}</c> interpolated from the variables an operator would export.
/// </summary>
internal sealed partial class ComposeFile
{
    public static readonly string Path = System.IO.Path.Combine(RepositoryLayout.Root, "docker-compose.yml");

    /// <summary>What an operator exports before <c>docker compose up</c> (the file's header says so).</summary>
    public static readonly IReadOnlyDictionary<string, string> OperatorVariables = new Dictionary<string, string>
    {
        ["DELTASTREAM_SIGNING_KEY"] = "compose-test-signing-key-of-at-least-32-bytes",
        ["GRAFANA_ADMIN_PASSWORD"] = "compose-test-grafana-password",
    };

    private ComposeFile(JsonObject document) => Document = document;

    public JsonObject Document { get; }

    public static async Task<ComposeFile> ReadAsync() => new((await YamlDocuments.ReadAsync(Path)).Single());

    public JsonObject Service(string name) => Document["services"]![name]?.AsObject() ?? throw new InvalidOperationException($"docker-compose.yml has no service {name}");

    /// <summary>A service's environment with the operator's <paramref name="variables"/> interpolated; a missing <c>:?</c> variable throws, as compose refuses to start.</summary>
    public Dictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> variables)
    {
        var declared = Service(service)["environment"] switch
        {
            JsonObject map => map.Select(p => (p.Key, Value: p.Value?.ToString() ?? "")),
            JsonArray list => list.Select(e => ((string)e!).Split('=', 2)).Select(p => (Key: p[0], Value: p.Length > 1 ? p[1] : "")),
            _ => [],
        };
        return declared.ToDictionary(p => p.Key, p => Interpolate(p.Value, variables));
    }

    public static string Interpolate(string text, IReadOnlyDictionary<string, string> variables) => Variable().Replace(text, match =>
    {
        var name = match.Groups["name"].Value;
        var set = variables.TryGetValue(name, out var value) && value.Length > 0;
        return match.Groups["operator"].Value switch
        {
            ":-" => set ? value! : match.Groups["word"].Value,
            ":?" => set ? value! : throw new InvalidOperationException($"required variable {name} is missing a value: {match.Groups["word"].Value}"),
            _ => value ?? "",
        };
    });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:-|:\?)(?<word>[^}]*))?\}")]
    private static partial Regex Variable();
}
