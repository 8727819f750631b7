namespace DeltaStream.Deployment.Tests;

/// <summary>
/// The chart run as it declares itself: the gateway, silo and feed processes started with exactly the environment and
/// arguments their rendered Deployments give their containers (secrets and config resolved from the rendered Secret
/// and ConfigMap), placed on loopback, must form one cluster and serve a live chain to a signed-in client.
/// </summary>
[Collection(nameof(DeploymentRuns))]
public sealed class ChartRunTests
{
    [Theory]
    [MemberData(nameof(RenderedChart.ValueSets), MemberType = typeof(RenderedChart))]
    public async Task Processes_started_from_the_rendered_deployments_form_one_cluster_and_serve_a_live_chain(string valueSet)
    {
        var chart = await RenderedChart.RenderAsync(valueSet);

        await DeploymentRun.RunAsync(
            [Declared(chart, "silo", "Silo", 0), Declared(chart, "silo", "Silo", 1)],
            Declared(chart, "gateway", "Gateway", 0),
            Declared(chart, "feed", "Feed", 0));
    }

    private static DeclaredProcess Declared(RenderedChart chart, string component, string project, int replica)
    {
        var container = chart.Container(component);
        // The image's entrypoint starts the host; a command of the chart's own could not be honoured here.
        Assert.Null(container["command"]);
        var podFields = new Dictionary<string, string>
        {
            ["metadata.name"] = $"{RenderedChart.Release}-{component}-{replica}",
            ["metadata.namespace"] = "default",
            ["status.podIP"] = "127.0.0.1",
        };
        var arguments = container["args"]?.AsArray().Select(a => (string)a!).ToList() ?? [];
        return new DeclaredProcess(project, ContainerEnvironment.Resolve(chart, container, podFields), arguments);
    }
}
