using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics.Insights;
using DeltaStream.Gateway.Api.Analytics;
using DeltaStream.Gateway.Insights;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Tests;

/// <summary>GET /api/v1/insights/{symbol}: the pulse of the chain the REST API serves, its rejections, and its auth.</summary>
public sealed class InsightApiTests(QuietGatewayFactory factory) : IClassFixture<QuietGatewayFactory>
{
    private static readonly string[] Labels = ["bullish", "bearish", "neutral", "range-bound"];
    private static readonly string[] Directions = ["bullish", "bearish", "neutral"];
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Symbols => [.. DefaultInstruments.Create().Select(i => i.Symbol)];

    [Theory]
    [MemberData(nameof(Symbols))]
    public async Task The_pulse_reads_the_chain_and_term_structure_the_api_serves(string symbol)
    {
        var expiries = await ExpiriesAsync(symbol);
        var expiry = expiries[0];
        // A chain may still publish the known market's last change: read until the chain is the same on both sides of the insight.
        ChainSnapshot chain, after;
        TermStructurePoint[] term;
        InsightResponse insight;
        do
        {
            chain = await GetAsync<ChainSnapshot>($"chains/{symbol}/{expiry}?strikes=500");
            term = await GetAsync<TermStructurePoint[]>($"analytics/{symbol}/term-structure");
            insight = await GetAsync<InsightResponse>($"insights/{symbol}?expiry={expiry}");
            after = await GetAsync<ChainSnapshot>($"chains/{symbol}/{expiry}?strikes=500");
        }
        while ((chain.Epoch, chain.Sequence) != (after.Epoch, after.Sequence));

        var expected = MarketPulseReader.Read(new PulseInputs(PulseChainMapper.From(chain), [.. term.Select(p => p.AtmIv)], PulseHistory.None));
        Assert.Equal((symbol, chain.Expiry, chain.UpdatedAt), (insight.Symbol, insight.Expiry, insight.UpdatedAt));
        Assert.Equal(PulseNarrative.Name(expected.Label), insight.Label);
        Assert.Equal(expected.Score, insight.Score);
        Assert.Equal(expected.Signals, insight.Signals);
        Assert.Equal(PulseNarrative.Compose(symbol, chain.Expiry, expected), insight.Narrative);
        Assert.Equal("template", insight.NarrativeSource);
        // The known market has quotes, OI and Greeks on every strike: the chain's own readings are all measured.
        Assert.All(insight.Signals.Where(s => s.Name is "pcrOi" or "maxPain" or "termStructure" or "expectedMove" or "gammaRegime" or "oiLevels" or "oiBuildup"),
            s => Assert.True(s.Value is not null, $"{s.Name}: {s.Evidence}"));
        Assert.Equal(chain.Analytics.PcrOi, insight.Signals.Single(s => s.Name == "pcrOi").Value);
    }

    [Fact]
    public async Task Without_an_expiry_the_front_expiry_is_read_and_the_label_is_one_of_four()
    {
        var expiries = await ExpiriesAsync("NIFTY");

        var response = await http.GetAsync("/api/v1/insights/nifty", Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expiries[0], body.GetProperty("expiry").GetString());
        Assert.Contains(body.GetProperty("label").GetString(), Labels);
        var signal = body.GetProperty("signals")[0];
        Assert.Equal(["name", "value", "rule", "direction", "weight", "evidence"], signal.EnumerateObject().Select(p => p.Name));
        Assert.Contains(signal.GetProperty("direction").GetString(), Directions);
    }

    [Theory]
    [InlineData("insights/NOPE", HttpStatusCode.NotFound, "Unknown symbol 'NOPE'")]
    [InlineData("insights/NIFTY?expiry=soon", HttpStatusCode.BadRequest, "not a date in the form yyyy-MM-dd")]
    [InlineData("insights/NIFTY?expiry=2026-02-30", HttpStatusCode.BadRequest, "not a date in the form yyyy-MM-dd")]
    [InlineData("insights/NIFTY?expiry=2001-01-03", HttpStatusCode.NotFound, "NIFTY has no listed expiry 2001-01-03")]
    [InlineData("insights/NIFTY?expiry=2001-01-02", HttpStatusCode.NotFound, "NIFTY 2001-01-02 settled at 2001-01-02T10:00:00.0000000Z; settled chains are kept for 7 days.")]
    public async Task Unknown_symbols_and_bad_expiries_are_clear_problems(string path, HttpStatusCode status, string detail)
    {
        var response = await http.GetAsync($"/api/v1/{path}", Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401()
    {
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/insights/NIFTY", Cancel)).StatusCode);
    }

    private async Task<string[]> ExpiriesAsync(string symbol)
    {
        var detail = await GetAsync<JsonElement>($"underlyings/{symbol}");
        return [.. detail.GetProperty("expiries").EnumerateArray().Select(e => e.GetString()!)];
    }

    private async Task<T> GetAsync<T>(string path) =>
        (await http.GetFromJsonAsync<T>($"/api/v1/{path}", Market.Json, Cancel))!;
}
