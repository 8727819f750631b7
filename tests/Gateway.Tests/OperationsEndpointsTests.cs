using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeltaStream.Gateway.Tests;

public sealed class OperationsEndpointsTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    [Theory]
    [InlineData("/health/live", new string[0])]
    [InlineData("/health/ready", new[] { "grain-storage", "orleans" })]
    public async Task Health_endpoints_report_healthy_with_each_check_named(string path, string[] checks)
    {
        // Degraded (still 200) is the right answer while a grain's state write is overdue, which a loaded test machine
        // can cause for a moment; a healthy gateway must answer Healthy once its writes have caught up.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        JsonElement report;
        while (true)
        {
            using var response = await http.GetAsync(path, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            report = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (report.GetProperty("status").GetString() != "Degraded")
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(checks, report.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(report.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
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
