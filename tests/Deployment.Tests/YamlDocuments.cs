using System.Text.Json.Nodes;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// YAML read by scripts/deploy-tools/yaml-to-json.mjs (the npm yaml package, with merge keys as compose resolves
/// them), so numbers stay numbers and anchors are expanded, which the tests then read as JSON.
/// </summary>
internal static class YamlDocuments
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(string path)
    {
        var result = await DeployTools.RunAsync("node", await DeployTools.ScriptAsync("yaml-to-json.mjs"), path);
        Assert.True(result.ExitCode == 0, $"{path} is not YAML: {result.Error}");
        return [.. JsonNode.Parse(result.Output)!.AsArray().Select(d => d!.AsObject())];
    }
}
