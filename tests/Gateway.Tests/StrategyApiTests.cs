using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeltaStream.Gateway.Api.Strategy;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Tests;

/// <summary>POST /api/v1/strategy/payoff on the quiet gateway's known chains, and every way a request can be refused.</summary>
public sealed class StrategyApiTests(QuietGatewayFactory factory) : IClassFixture<QuietGatewayFactory>
{
    private static readonly InstrumentDefinition Nifty = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bull_call_spread_is_valued_at_the_live_mids_with_its_breakeven_and_bounds_worked_out_by_hand()
    {
        var (expiry, chain) = await ChainAsync();
        var (low, high) = (chain.Strikes[8], chain.Strikes[10]);

        var payoff = await PayoffAsync(expiry, [Leg("call", low.Strike, "buy", 2), Leg("call", high.Strike, "sell", 2)]);

        var debit = low.Call!.Mid!.Value - high.Call!.Mid!.Value;
        var units = 2 * Nifty.LotSize;
        Assert.Equal([low.Call.Mid.Value, high.Call.Mid.Value], payoff.Legs.Select(l => l.Premium));
        Assert.Equal([low.Call.Iv!.Value, high.Call.Iv!.Value], payoff.Legs.Select(l => l.Iv));
        Assert.Equal(low.Strike + debit, Assert.Single(payoff.Breakevens), 9);
        Assert.Equal(debit * units, payoff.NetPremium, 9);
        Assert.Equal(-debit * units, payoff.MaxLoss!.Value, 9);
        Assert.Equal((high.Strike - low.Strike - debit) * units, payoff.MaxProfit!.Value, 9);
        // The position's Greeks are the chain's own per-unit Greeks of the two legs, times the signed quantities.
        Assert.Equal(units * (low.Call.Delta!.Value - high.Call.Delta!.Value), payoff.Greeks.Delta, 6);
        Assert.Equal(units * (low.Call.VegaPerPoint!.Value - high.Call.VegaPerPoint!.Value), payoff.Greeks.VegaPerPoint, 6);
        Assert.Equal(payoff.AtExpiry.Select(p => p.Spot), payoff.Today.Select(p => p.Spot));
        Assert.Contains(payoff.AtExpiry, p => p.Spot == high.Strike && Math.Abs(p.Pnl - payoff.MaxProfit.Value) < 1e-6);
        Assert.Equal((chain.Spot, Nifty.LotSize), (payoff.Spot, payoff.LotSize));
    }

    [Fact]
    public async Task A_given_premium_and_iv_replace_the_live_ones_and_a_short_straddle_has_an_unlimited_loss()
    {
        var (expiry, chain) = await ChainAsync();
        var atm = chain.Strikes[8].Strike;

        var payoff = await PayoffAsync(expiry, [Leg("C", atm, "sell", 1, premium: 100, iv: 0.3), Leg("P", atm, "sell", 1, premium: 80, iv: 0.3)]);

        Assert.Equal([atm - 180, atm + 180], payoff.Breakevens);
        Assert.Null(payoff.MaxLoss);
        Assert.Equal(180 * Nifty.LotSize, payoff.MaxProfit);
        Assert.Equal(-180 * Nifty.LotSize, payoff.NetPremium);
        Assert.All(payoff.Legs, l => Assert.Equal((0.3, StrategySide.Sell), (l.Iv, l.Side)));
    }

    public static TheoryData<string, string> BadLegs => new()
    {
        { """[]""", "legs" },
        { """[{"right":"straddle","strike":STRIKE,"side":"buy","lots":1}]""", "legs[0].right" },
        { """[{"right":"call","strike":STRIKE,"side":"hold","lots":1}]""", "legs[0].side" },
        { """[{"right":"call","strike":STRIKE,"side":"buy","lots":0}]""", "legs[0].lots" },
        { """[{"right":"call","strike":STRIKE,"side":"buy"}]""", "legs[0].lots" },
        { """[{"right":"call","strike":-5,"side":"buy","lots":1}]""", "legs[0].strike" },
        { """[{"right":"call","strike":STRIKE,"side":"buy","lots":1},{"right":"put","strike":1.5,"side":"sell","lots":1}]""", "legs[1].strike" },
        { """[{"right":"put","strike":STRIKE,"side":"buy","lots":1,"premium":-1}]""", "legs[0].premium" },
        { """[{"right":"put","strike":STRIKE,"side":"buy","lots":1,"iv":0}]""", "legs[0].iv" },
        { "[" + string.Join(",", Enumerable.Repeat("""{"right":"call","strike":STRIKE,"side":"buy","lots":1}""", 11)) + "]", "legs" },
    };

    [Theory]
    [MemberData(nameof(BadLegs))]
    public async Task A_bad_leg_is_a_400_naming_the_field(string legs, string field)
    {
        var (expiry, chain) = await ChainAsync();
        var body = $$"""{"symbol":"NIFTY","expiry":"{{expiry}}","legs":{{legs.Replace("STRIKE", chain.Strikes[8].Strike.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}}}""";

        var problem = await ProblemAsync(body, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(field.Split('.')[^1], messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"symbol":"NOPE","expiry":"2026-12-01","legs":[{"right":"call","strike":100,"side":"buy","lots":1}]}""", HttpStatusCode.NotFound, "NOPE")]
    [InlineData("""{"symbol":"NIFTY","expiry":"2001-01-02","legs":[{"right":"call","strike":100,"side":"buy","lots":1}]}""", HttpStatusCode.NotFound, "2001-01-02")]
    [InlineData("""{"symbol":"NIFTY","expiry":"soon","legs":[{"right":"call","strike":100,"side":"buy","lots":1}]}""", HttpStatusCode.BadRequest, "soon")]
    [InlineData("""{"expiry":"2026-12-01"}""", HttpStatusCode.BadRequest, "symbol is required")]
    [InlineData("""null""", HttpStatusCode.BadRequest, "body")]
    [InlineData("""{"symbol":"NIFTY","expiry":"2026-12-01","legs":[{"lots":"many"}]}""", HttpStatusCode.BadRequest, "")]
    [InlineData("""not json""", HttpStatusCode.BadRequest, "")]
    public async Task A_bad_chain_or_body_is_a_problem_saying_what_is_wrong(string body, HttpStatusCode status, string mentioned)
    {
        var problem = await ProblemAsync(body, status);

        Assert.Contains(mentioned, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_payoff_is_refused()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/strategy/payoff", new { symbol = "NIFTY" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_payoff_and_its_example_request_works_as_it_stands()
    {
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);

        var operation = document.GetProperty("paths").GetProperty("/api/v1/strategy/payoff").GetProperty("post");
        Assert.Contains("Payoff", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("StrategyPayoffRequest").GetProperty("examples")[0];

        using var content = new StringContent(example.GetRawText(), Encoding.UTF8, "application/json");
        var response = await http.PostAsync("/api/v1/strategy/payoff", content, Cancel);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<(string Expiry, ChainSnapshot Chain)> ChainAsync()
    {
        var expiry = await Market.FirstExpiryAsync(http, "NIFTY");
        return (expiry, (await http.GetFromJsonAsync<ChainSnapshot>($"/api/v1/chains/NIFTY/{expiry}", Market.Json, Cancel))!);
    }

    private static object Leg(string right, double strike, string side, int lots, double? premium = null, double? iv = null) =>
        new { right, strike, side, lots, premium, iv };

    private async Task<StrategyPayoffResponse> PayoffAsync(string expiry, object[] legs)
    {
        var response = await http.PostAsJsonAsync("/api/v1/strategy/payoff", new { symbol = "NIFTY", expiry, legs }, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<StrategyPayoffResponse>(Market.Json, Cancel))!;
    }

    private async Task<JsonElement> ProblemAsync(string body, HttpStatusCode status)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await http.PostAsync("/api/v1/strategy/payoff", content, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
