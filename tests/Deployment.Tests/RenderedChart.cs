using System.Text.Json.Nodes;
using DeltaStream.EndToEnd.Tests;

namespace DeltaStream.Deployment.Tests;

/// <summary>charts/deltastream as <c>helm template</c> renders it for release "ds", with one of the documented value sets.</summary>
internal sealed class RenderedChart
{
    public const string Release = "ds";

    /// <summary>A signing key for the default values, which require one: the chart's values.yaml ships none.</summary>
    public const string SigningKey = "deployment-test-signing-key-of-at-least-32-bytes";

    public static readonly string ChartDirectory = Path.Combine(RepositoryLayout.Root, "charts", "deltastream");

    private RenderedChart(string yaml, IReadOnlyList<JsonObject> objects) => (Yaml, Objects) = (yaml, objects);

    /// <summary>The value sets the tests render: values.yaml as shipped (plus the required key) and ci/production-values.yaml.</summary>
    public static TheoryData<string> ValueSets => ["default", "production"];

    public string Yaml { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public static IReadOnlyList<string> ValuesArguments(string valueSet) => valueSet switch
    {
        "default" => ["--set", "jwt.signingKey=" + SigningKey],
        "production" => ["--values", Path.Combine(ChartDirectory, "ci", "production-values.yaml")],
        _ => throw new ArgumentOutOfRangeException(nameof(valueSet), valueSet, "no such value set"),
    };

    /// <param name="settings">--set arguments on top of the value set.</param>
    public static async Task<RenderedChart> RenderAsync(string valueSet, params string[] settings)
    {
        var result = await DeployTools.RunAsync(await DeployTools.HelmAsync(), ["template", Release, ChartDirectory, .. ValuesArguments(valueSet), .. settings.SelectMany(s => new[] { "--set", s })]);
        Assert.True(result.ExitCode == 0, $"helm template with the {valueSet} values failed: {result.Error}");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, result.Output);
            return new RenderedChart(result.Output, await YamlDocuments.ReadAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>scripts/deploy-tools/validate-k8s.mjs over the rendered YAML: exit 0 and "valid N", or one line per error.</summary>
    public async Task<CommandResult> ValidateAsync()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Yaml);
            return await DeployTools.RunAsync("node", await DeployTools.ScriptAsync("validate-k8s.mjs"), file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]!["name"] == name) ?? throw new InvalidOperationException($"no {kind} {name} rendered");

    /// <summary>The pod template of the component's Deployment (silo, gateway, feed).</summary>
    public JsonObject PodSpec(string component) => Single("Deployment", $"{Release}-{component}")["spec"]!["template"]!["spec"]!.AsObject();

    public JsonObject Container(string component) => PodSpec(component)["containers"]!.AsArray().Single()!.AsObject();
}
