namespace DeltaStream.Deployment.Tests;

/// <summary>charts/deltastream through helm itself: linted, rendered with each documented value set, every object valid.</summary>
public sealed class ChartRenderingTests
{
    [Theory]
    [MemberData(nameof(RenderedChart.ValueSets), MemberType = typeof(RenderedChart))]
    public async Task Helm_lint_passes(string valueSet)
    {
        var lint = await DeployTools.RunAsync(await DeployTools.HelmAsync(), ["lint", "--strict", RenderedChart.ChartDirectory, .. RenderedChart.ValuesArguments(valueSet)]);

        Assert.True(lint.ExitCode == 0, lint.Output + lint.Error);
    }

    [Theory]
    [MemberData(nameof(RenderedChart.ValueSets), MemberType = typeof(RenderedChart))]
    public async Task Every_rendered_object_validates_against_its_Kubernetes_API_schema(string valueSet)
    {
        var chart = await RenderedChart.RenderAsync(valueSet);

        var validation = await chart.ValidateAsync();

        Assert.True(validation.ExitCode == 0, validation.Error);
        Assert.Equal($"valid {chart.Objects.Count}", validation.Output.Trim());
    }

    [Fact]
    public async Task The_keda_scaled_object_replaces_the_silo_autoscaler_and_validates_against_its_schema()
    {
        var chart = await RenderedChart.RenderAsync("production", "silo.keda.enabled=true");

        var validation = await chart.ValidateAsync();

        Assert.True(validation.ExitCode == 0, validation.Error);
        Assert.Equal($"{RenderedChart.Release}-silo", (string?)Assert.Single(chart.OfKind("ScaledObject"))["metadata"]!["name"]);
        Assert.DoesNotContain(chart.OfKind("HorizontalPodAutoscaler"), h => (string?)h["metadata"]!["name"] == $"{RenderedChart.Release}-silo");
    }

    [Fact]
    public async Task Rendering_without_a_signing_key_fails_and_names_the_value()
    {
        var render = await DeployTools.RunAsync(await DeployTools.HelmAsync(), "template", RenderedChart.Release, RenderedChart.ChartDirectory);

        Assert.NotEqual(0, render.ExitCode);
        Assert.Contains("jwt.signingKey is required", render.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_secret_stands_in_for_the_chart_secret_and_its_signing_key()
    {
        var render = await DeployTools.RunAsync(await DeployTools.HelmAsync(), "template", RenderedChart.Release, RenderedChart.ChartDirectory, "--set", "existingSecret=operator-secret");

        Assert.True(render.ExitCode == 0, render.Error);
        Assert.DoesNotContain("kind: Secret", render.Output, StringComparison.Ordinal);
        Assert.Contains("secretKeyRef: { name: operator-secret, key: jwt-signing-key }", render.Output, StringComparison.Ordinal);
    }
}
