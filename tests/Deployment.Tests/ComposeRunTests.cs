namespace DeltaStream.Deployment.Tests;

/// <summary>
/// docker-compose.yml's DeltaStream services (silo1, silo2, gateway, feed) started with the environment compose
/// would give them, with an operator's required variables set, and Redis and MongoDB on loopback in place of its
/// containers: they must form one cluster and serve a live chain to a signed-in client.
/// </summary>
[Collection(nameof(DeploymentRuns))]
public sealed class ComposeRunTests
{
    [Fact]
    public async Task Compose_services_started_with_their_declared_environment_form_one_cluster_and_serve_a_live_chain()
    {
        var compose = await ComposeFile.ReadAsync();

        await DeploymentRun.RunAsync(
            [Declared(compose, "silo1", "Silo"), Declared(compose, "silo2", "Silo")],
            Declared(compose, "gateway", "Gateway"),
            Declared(compose, "feed", "Feed"));
    }

    private static DeclaredProcess Declared(ComposeFile compose, string service, string project)
    {
        // The image's entrypoint starts the host; a command of the service's own could not be honoured here.
        Assert.Null(compose.Service(service)["command"]);
        return new DeclaredProcess(project, compose.Environment(service, ComposeFile.OperatorVariables), []);
    }
}
