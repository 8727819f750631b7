using System.Net;

namespace DeltaStream.Gateway.Tests;

/// <summary>DeltaStream:Metrics:Port moves /metrics off the API's port onto a listener of its own.</summary>
public sealed class MetricsPortTests(StrictGatewayFactory factory) : IClassFixture<StrictGatewayFactory>
{
    [Fact]
    public async Task Metrics_are_served_on_the_configured_port_and_not_on_the_api_port()
    {
        using var api = factory.CreateClient();
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{factory.MetricsPort}/") };

        var separate = await metrics.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var onApi = await api.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("deltastream_", separate, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onApi.StatusCode);
    }
}
