using System.Net;

namespace DeltaStream.Gateway.Tests;

public sealed class OperationsEndpointsTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metrics_export_the_tick_counters_in_prometheus_text_format()
    {
        await Market.QuotedChainAsync(factory, "AAPL", await Market.FirstExpiryAsync(http, "AAPL"));

        var text = await http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("deltastream_grains_ticks_applied{kind=\"option\"}", text, StringComparison.Ordinal);
        Assert.Contains("deltastream_feed_ticks_published", text, StringComparison.Ordinal);
        Assert.Contains("deltastream_grains_chain_recompute_duration_bucket", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/", "text/html")]
    public async Task Dashboard_openapi_and_web_ui_are_served(string path, string mediaType)
    {
        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
