using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Tests;

// Run again by scripts/test.sh with the market clock pinned at chosen instants (TestClock).
[Trait("Clock", "Sensitive")]
public sealed class MarketDataApiTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    [Fact]
    public async Task Underlyings_lists_the_eight_default_symbols_each_with_at_least_three_expiries()
    {
        var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings", TestContext.Current.CancellationToken);

        var symbols = list.EnumerateArray().Select(u => u.GetProperty("symbol").GetString()).ToArray();
        Assert.Equal(["NIFTY", "BANKNIFTY", "FINNIFTY", "SENSEX", "AAPL", "TSLA", "SPY", "QQQ"], symbols);
        Assert.All(list.EnumerateArray(), u => Assert.True(u.GetProperty("expiries").GetArrayLength() >= 3));
    }

    [Fact]
    public async Task Underlying_detail_carries_reference_data_and_is_found_case_insensitively()
    {
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/nifty", TestContext.Current.CancellationToken);

        Assert.Equal("NIFTY", detail.GetProperty("symbol").GetString());
        Assert.Equal(75, detail.GetProperty("lotSize").GetInt32());
        Assert.Equal(50, detail.GetProperty("strikeStep").GetDouble());
        Assert.Equal("INR", detail.GetProperty("currency").GetString());
        foreach (var field in new[] { "spot", "open", "high", "low", "prevClose", "volume", "updatedAt", "expiries" })
        {
            Assert.True(detail.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task Dividends_of_a_known_underlying_are_listed_and_an_unknown_one_is_a_404_problem()
    {
        var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/spy/dividends", TestContext.Current.CancellationToken);
        var unknown = await http.GetAsync("/api/v1/underlyings/NOPE/dividends", TestContext.Current.CancellationToken);

        // The default instruments carry their payouts as a dividend yield, so none lists a cash dividend.
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("SPY", "european", "bsm")]
    [InlineData("NIFTY", "european", "bsm")]
    public async Task Chain_states_its_exercise_style_and_model(string symbol, string exercise, string model)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/v1/underlyings/{symbol}", TestContext.Current.CancellationToken);
        var expiry = detail.GetProperty("expiries")[0].GetString();
        var chain = await http.GetFromJsonAsync<JsonElement>($"/api/v1/chains/{symbol}/{expiry}", TestContext.Current.CancellationToken);

        Assert.Equal(exercise, chain.GetProperty("exercise").GetString());
        Assert.Equal(model, chain.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("/api/v1/underlyings/NOPE", "Unknown symbol 'NOPE'")]
    [InlineData("/api/v1/chains/NOPE/2026-12-01", "Unknown symbol 'NOPE'")]
    [InlineData("/api/v1/chains/NIFTY/2001-01-03", "no listed expiry")]
    [InlineData("/api/v1/chains/NIFTY/2001-01-02", "NIFTY 2001-01-02 settled at 2001-01-02T10:00:00.0000000Z; settled chains are kept for 7 days.")]
    public async Task Unknown_symbol_or_expiry_is_a_404_problem_with_a_useful_detail(string path, string detail)
    {
        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/chains/NIFTY/01-12-2026", "expiry")]
    [InlineData("/api/v1/chains/NIFTY/2026-13-45", "expiry")]
    [InlineData("/api/v1/chains/NIFTY/{expiry}?strikes=0", "strikes")]
    [InlineData("/api/v1/chains/NIFTY/{expiry}?strikes=abc", "strikes")]
    [InlineData("/api/v1/chains/NIFTY/{expiry}?strikes=-3", "strikes")]
    public async Task Bad_parameters_are_a_400_validation_problem_naming_the_field(string path, string field)
    {
        var expiry = await Market.FirstExpiryAsync(http, "NIFTY");
        var response = await http.GetAsync(path.Replace("{expiry}", expiry, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_first_nifty_chain_lists_at_least_21_strikes_and_every_option_with_an_iv_has_the_bsm_greeks_of_the_reported_spot_time_and_iv()
    {
        var expiry = await Market.FirstExpiryAsync(http, "NIFTY");
        await Market.QuotedChainAsync(factory, "NIFTY", expiry);
        var chain = await http.GetFromJsonAsync<ChainSnapshot>($"/api/v1/chains/NIFTY/{expiry}", Market.Json, TestContext.Current.CancellationToken);

        Assert.NotNull(chain);
        Assert.Equal(PricingModel.Bsm, chain.Model);
        var spot = chain.Spot!.Value;
        var checkedOptions = 0;
        foreach (var row in chain.Strikes)
        {
            foreach (var (quote, type) in new[] { (row.Call, OptionType.Call), (row.Put, OptionType.Put) })
            {
                if (quote?.Iv is not { } iv)
                {
                    continue;
                }

                var model = BlackScholesMerton.Greeks(type, spot, row.Strike, chain.TimeToExpiry, chain.Rate, chain.DividendYield, iv);
                // The IV is solved from the mid, or from the last trade where a side is not bid (API: mid is null then).
                Assert.Equal(quote.Mid ?? quote.Last, model.Price, 6);
                Assert.Equal(model.Delta, quote.Delta!.Value, 12);
                Assert.Equal(model.Gamma, quote.Gamma!.Value, 12);
                Assert.Equal(model.Theta, quote.Theta!.Value, 6);
                Assert.Equal(model.Vega, quote.Vega!.Value, 6);
                checkedOptions++;
            }
        }

        // How many options have an iv depends on the day: hours before expiry the far wings are worth too little to
        // solve one. The strike at the money always has one.
        Assert.True(chain.Strikes.Count >= 21, $"only {chain.Strikes.Count} strikes listed");
        var atTheMoney = Assert.Single(chain.Strikes, r => r.Strike == chain.Analytics.AtmStrike);
        Assert.True(atTheMoney.Call?.Iv is not null || atTheMoney.Put?.Iv is not null, "the at-the-money strike has no iv");
        Assert.True(checkedOptions > 0);
        Assert.NotNull(chain.Analytics.AtmIv);
        Assert.NotNull(chain.Analytics.MaxPain);
    }

    [Fact]
    public async Task Strikes_filter_keeps_n_strikes_each_side_of_the_money()
    {
        var expiry = await Market.FirstExpiryAsync(http, "TSLA");
        await Market.QuotedChainAsync(factory, "TSLA", expiry);

        var chain = await http.GetFromJsonAsync<ChainSnapshot>($"/api/v1/chains/TSLA/{expiry}?strikes=3", Market.Json, TestContext.Current.CancellationToken);

        Assert.NotNull(chain);
        Assert.Equal(7, chain.Strikes.Count);
        Assert.Equal(chain.Analytics.AtmStrike, chain.Strikes[3].Strike);
    }

    [Fact]
    public async Task Json_uses_null_for_values_that_cannot_be_computed_and_never_nan()
    {
        var expiry = await Market.FirstExpiryAsync(http, "SPY");
        await Market.QuotedChainAsync(factory, "SPY", expiry);

        var text = await http.GetStringAsync($"/api/v1/chains/SPY/{expiry}", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.Contains("\"ivStatus\":\"ok\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?strikes=3")]
    public async Task Every_chain_answer_names_the_published_state_of_its_body_in_its_etag_as_the_chain_moves_on(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(http, "NIFTY");
        await Market.QuotedChainAsync(factory, "NIFTY", expiry);
        var sequences = new HashSet<long>();
        var previous = 0L;

        // The feed moves the chain every publish interval: served bytes must follow it, never lag the grain's state.
        while (sequences.Count < 4)
        {
            using var response = await http.GetAsync($"/api/v1/chains/NIFTY/{expiry}{query}", ct);
            var chain = await response.Content.ReadFromJsonAsync<ChainSnapshot>(Market.Json, ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(chain);
            Assert.Equal($"\"{chain.Epoch}-{chain.Sequence}\"", response.Headers.ETag?.Tag);
            Assert.True(chain.Sequence >= previous, $"sequence went back from {previous} to {chain.Sequence}");
            Assert.Equal(query.Length == 0 ? chain.Strikes.Count : 7, chain.Strikes.Count);
            previous = chain.Sequence;
            sequences.Add(chain.Sequence);
        }
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"other\", {0}")]
    [InlineData("*")]
    public async Task A_conditional_get_that_names_the_current_state_is_304_without_a_body(string ifNoneMatch)
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(http, "SPY");
        await Market.QuotedChainAsync(factory, "SPY", expiry);
        var path = $"/api/v1/chains/SPY/{expiry}";

        // The chain may publish between the two requests; then the answer is the new state with its new tag.
        for (var attempt = 0; ; attempt++)
        {
            using var first = await http.GetAsync(path, ct);
            var etag = first.Headers.ETag!.Tag;
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, ifNoneMatch, etag));
            using var second = await http.SendAsync(request, ct);
            if (second.StatusCode == HttpStatusCode.NotModified)
            {
                // "*" matches whatever is current, which may already be a newer state than the first answer's.
                Assert.NotNull(second.Headers.ETag);
                if (ifNoneMatch != "*")
                {
                    Assert.Equal(etag, second.Headers.ETag.Tag);
                }

                Assert.Empty(await second.Content.ReadAsByteArrayAsync(ct));
                return;
            }

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.NotEqual(etag, second.Headers.ETag?.Tag);
            Assert.True(attempt < 50, "the chain changed between every pair of requests");
        }
    }

    [Fact]
    public async Task A_conditional_get_naming_an_older_state_gets_the_current_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(http, "SPY");
        await Market.QuotedChainAsync(factory, "SPY", expiry);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/chains/SPY/{expiry}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"0-0\"");

        using var response = await http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chain = await response.Content.ReadFromJsonAsync<ChainSnapshot>(Market.Json, ct);
        Assert.NotNull(chain);
        Assert.Equal($"\"{chain.Epoch}-{chain.Sequence}\"", response.Headers.ETag?.Tag);
    }
}
