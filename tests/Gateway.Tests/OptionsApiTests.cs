using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeltaStream.Gateway.Tests;

/// <summary>GET /api/v1/options/{contract}: one contract by its trading name, as the replaced system's users had it.</summary>
// Run again by scripts/test.sh with the market clock pinned at chosen instants (TestClock).
[Trait("Clock", "Sensitive")]
public sealed class OptionsApiTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_contract_answers_its_quote_iv_and_greeks_as_the_chain_has_them()
    {
        var expiry = await Market.FirstExpiryAsync(http, "NIFTY");
        var chain = await Market.QuotedChainAsync(factory, "NIFTY", expiry);
        // The put nearest the money: far from it, hours before expiry, a put is worth too little to have an iv.
        var row = chain.Strikes.Where(r => r.Put?.Iv is not null).MinBy(r => Math.Abs(r.Strike - chain.Forward!.Value))!;
        var name = string.Create(CultureInfo.InvariantCulture, $"nifty{chain.Expiry:yyyyMMdd}p{row.Strike}");

        var contract = await http.GetFromJsonAsync<JsonElement>($"/api/v1/options/{name}", Cancel);

        Assert.Equal(name.ToUpperInvariant(), contract.GetProperty("contract").GetString());
        Assert.Equal("NIFTY", contract.GetProperty("symbol").GetString());
        Assert.Equal(expiry, contract.GetProperty("expiry").GetString());
        Assert.Equal(row.Strike, contract.GetProperty("strike").GetDouble());
        Assert.Equal("put", contract.GetProperty("right").GetString());
        Assert.Equal(JsonValueKind.Number, contract.GetProperty("spot").ValueKind);
        Assert.True(contract.GetProperty("timeToExpiry").GetDouble() > 0);
        var quote = contract.GetProperty("quote");
        foreach (var field in new[] { "bid", "ask", "last", "mid", "volume", "oi", "oiChange", "iv", "ivStatus", "delta", "gamma", "theta", "thetaPerDay", "vega", "vegaPerPoint", "rho", "rhoPerPoint", "vanna", "volga", "charm" })
        {
            Assert.True(quote.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.True(quote.GetProperty("delta").GetDouble() < 0, "a put's delta is negative");
    }

    [Theory]
    [InlineData("NIFTY")]
    [InlineData("NIFTY20261208")]
    [InlineData("NIFTY20261208C")]
    [InlineData("NIFTY20261308C24300")]
    [InlineData("NIFTY20261208X24300")]
    [InlineData("NIFTY20261208C-24300")]
    [InlineData("NIFTY20261208C0")]
    [InlineData("20261208C24300")]
    [InlineData("NIFTY20261208C24300.123456789")]
    public async Task A_name_that_is_not_a_contract_is_a_400_naming_the_field(string contract)
    {
        var response = await http.GetAsync($"/api/v1/options/{Uri.EscapeDataString(contract)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("contract", out _));
    }

    [Fact]
    public async Task A_very_long_name_is_a_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/options/NIFTY{new string('1', 5000)}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_symbol_an_unlisted_expiry_or_a_strike_off_the_ladder_is_a_404_with_the_reason()
    {
        var expiry = DateOnly.ParseExact(await Market.FirstExpiryAsync(http, "NIFTY"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = expiry.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var symbol = await http.GetAsync($"/api/v1/options/NOPE{day}C24300", Cancel);
        var unlisted = await http.GetAsync($"/api/v1/options/NIFTY{expiry.AddDays(1):yyyyMMdd}C24300", Cancel);
        var strike = await http.GetAsync($"/api/v1/options/NIFTY{day}C24301", Cancel);

        Assert.All([symbol, unlisted, strike], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Contains("Unknown symbol 'NOPE'", await symbol.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("no listed expiry", await unlisted.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("has no strike 24301", await strike.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
