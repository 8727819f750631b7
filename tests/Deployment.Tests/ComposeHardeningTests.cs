using System.Text.Json.Nodes;

namespace DeltaStream.Deployment.Tests;

/// <summary>docker-compose.yml's operator surface, as issue 26 asks: loopback-only tools, required secrets, no root on the host.</summary>
public sealed class ComposeHardeningTests
{
    [Theory]
    [InlineData("grafana")]
    [InlineData("prometheus")]
    public async Task Monitoring_ports_are_published_on_loopback_only(string service)
    {
        var compose = await ComposeFile.ReadAsync();

        Assert.All(compose.Service(service)["ports"]!.AsArray(), p => Assert.StartsWith("127.0.0.1:", (string?)p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grafana_takes_its_admin_password_from_the_environment_and_admits_no_anonymous_user()
    {
        var compose = await ComposeFile.ReadAsync();

        var environment = compose.Environment("grafana", ComposeFile.OperatorVariables);
        Assert.Equal(ComposeFile.OperatorVariables["GRAFANA_ADMIN_PASSWORD"], environment["GF_SECURITY_ADMIN_PASSWORD"]);
        Assert.Equal("false", environment["GF_AUTH_ANONYMOUS_ENABLED"]);
        var missing = Assert.Throws<InvalidOperationException>(() => compose.Environment("grafana", new Dictionary<string, string>()));
        Assert.Contains("GRAFANA_ADMIN_PASSWORD", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_will_not_start_without_the_operators_signing_key()
    {
        var compose = await ComposeFile.ReadAsync();

        Assert.Equal(ComposeFile.OperatorVariables["DELTASTREAM_SIGNING_KEY"], compose.Environment("gateway", ComposeFile.OperatorVariables)["DeltaStream__Auth__SigningKey"]);
        var missing = Assert.Throws<InvalidOperationException>(() => compose.Environment("gateway", new Dictionary<string, string>()));
        Assert.Contains("DELTASTREAM_SIGNING_KEY", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_runs_without_its_lifecycle_api()
    {
        var compose = await ComposeFile.ReadAsync();

        Assert.DoesNotContain(compose.Service("prometheus")["command"]!.AsArray(), a => ((string?)a ?? "").Contains("lifecycle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_service_mounts_the_docker_socket()
    {
        var compose = await ComposeFile.ReadAsync();

        var volumes = compose.Document["services"]!.AsObject().SelectMany(s => s.Value!["volumes"]?.AsArray() ?? new JsonArray());
        Assert.DoesNotContain(volumes, v => ((string?)v ?? "").Contains("docker.sock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gateway_metrics_port_is_scraped_by_prometheus_and_published_nowhere()
    {
        var compose = await ComposeFile.ReadAsync();

        var port = compose.Environment("gateway", ComposeFile.OperatorVariables)["DeltaStream__Metrics__Port"];
        Assert.DoesNotContain(compose.Service("gateway")["ports"]!.AsArray(), p => ((string?)p ?? "").Contains(port, StringComparison.Ordinal));
        var scrape = await File.ReadAllTextAsync(Path.Combine(EndToEnd.Tests.RepositoryLayout.Root, "deploy", "prometheus", "prometheus.yml"), TestContext.Current.CancellationToken);
        Assert.Contains($"\"gateway:{port}\"", scrape, StringComparison.Ordinal);
    }
}
