using System.Net;
using DeltaStream.Hosting;
using Microsoft.Extensions.Configuration;

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

    [Fact]
    public async Task Metrics_keep_kestrels_series_and_leave_out_its_buffer_pool_meter()
    {
        // Creating a client starts the host, and with it the metrics listener.
        using var api = factory.CreateClient();
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{factory.MetricsPort}/") };

        // The first scrape's connection rents Kestrel buffers; the second shows what that recorded.
        await metrics.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var text = await metrics.GetStringAsync("metrics", TestContext.Current.CancellationToken);

        Assert.Contains("microsoft_aspnetcore_server_kestrel_kestrel_active_connections", text, StringComparison.Ordinal);
        Assert.DoesNotContain("memory_pool", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, true, null)]
    [InlineData("127.0.0.1:6379", null, true, MetricsEndpointExtensions.DistributedDefaultPort)]
    [InlineData("127.0.0.1:6379", null, false, null)]
    [InlineData("127.0.0.1:6379", "9100", true, 9100)]
    [InlineData("127.0.0.1:6379", "9100", false, 9100)]
    [InlineData("127.0.0.1:6379", "0", true, null)]
    [InlineData(null, "9100", true, 9100)]
    public void A_distributed_gateway_defaults_to_a_metrics_port_of_its_own_and_0_keeps_metrics_on_the_api_port(string? redis, string? port, bool ownPortWhenDistributed, int? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            [MetricsEndpointExtensions.PortKey] = port,
        }).Build();

        Assert.Equal(expected, MetricsEndpointExtensions.Port(configuration, ownPortWhenDistributed));
    }
}
