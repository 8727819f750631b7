using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeltaStream.Gateway.Tests;

/// <summary>Bars from grain memory in embedded mode (no MongoDB), and every rejection path of the history API.</summary>
public sealed class HistoryApiTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    [Fact]
    public async Task Embedded_mode_serves_one_minute_bars_from_grain_memory_newest_first()
    {
        var expiry = await Market.FirstExpiryAsync(http, "SPY");
        await Market.QuotedChainAsync(factory, "SPY", expiry);

        var bars = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/spy/bars?interval=1m", TestContext.Current.CancellationToken);

        Assert.NotEqual(0, bars.GetArrayLength());
        var starts = bars.EnumerateArray().Select(b => b.GetProperty("start").GetDateTime()).ToList();
        Assert.Equal(starts.OrderByDescending(s => s), starts);
        Assert.All(bars.EnumerateArray(), b =>
        {
            var (open, high, low, close) = (b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(), b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble());
            Assert.InRange(open, low, high);
            Assert.InRange(close, low, high);
            Assert.True(b.GetProperty("volume").GetInt64() >= 0);
            Assert.Equal(0, b.GetProperty("start").GetDateTime().Second);
        });
    }

    [Fact]
    public async Task Bars_export_as_csv_with_a_header_row()
    {
        var expiry = await Market.FirstExpiryAsync(http, "QQQ");
        await Market.QuotedChainAsync(factory, "QQQ", expiry);

        var response = await http.GetAsync(new Uri("/api/v1/underlyings/QQQ/bars?interval=1h&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd('\n').Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("start,open,high,low,close,volume", lines[0]);
        Assert.True(lines.Length >= 2);
        Assert.Equal(6, lines[1].Split(',').Length);
        Assert.EndsWith(":00:00.000Z", lines[1].Split(',')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interval=2m", "interval")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("interval=1d&limit=10000", "limit")]
    [InlineData("interval=1h&limit=8761", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01T00:00:00Z", "to")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("format=xml", "format")]
    public async Task Bad_bar_parameters_get_a_validation_problem_naming_the_field(string query, string field)
    {
        var response = await http.GetAsync(new Uri($"/api/v1/underlyings/SPY/bars?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    [Theory]
    [InlineData("/api/v1/underlyings/NOPE/bars", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/chains/NOPE/2026-12-18/history", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/chains/SPY/18-12-2026/history", HttpStatusCode.BadRequest)]
    public async Task Unknown_symbols_and_bad_expiries_are_problems(string path, HttpStatusCode status)
    {
        var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Chain_history_without_MongoDB_answers_503_saying_what_to_configure()
    {
        var expiry = await Market.FirstExpiryAsync(http, "SPY");

        var response = await http.GetAsync(new Uri($"/api/v1/chains/SPY/{expiry}/history", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("ConnectionStrings:MongoDB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
