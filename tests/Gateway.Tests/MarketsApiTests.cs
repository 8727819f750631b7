using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Calendars;
using DeltaStream.Gateway.Api.Markets;
using DeltaStream.Time;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>GET /api/v1/markets and /markets/{market}/calendar against the published lists, and every rejection.</summary>
// Run again by scripts/test.sh with the market clock pinned at chosen instants (TestClock).
[Trait("Clock", "Sensitive")]
public sealed class MarketsApiTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Markets_lists_nse_bse_and_us_with_the_status_their_calendar_gives_at_the_gateways_clock()
    {
        var clock = factory.Services.GetRequiredService<MarketClock>();
        var before = clock.GetUtcNow().UtcDateTime;
        var markets = await http.GetFromJsonAsync<MarketStatusResponse[]>("/api/v1/markets", Market.Json, Cancel);
        var after = clock.GetUtcNow().UtcDateTime;

        Assert.NotNull(markets);
        Assert.Equal(["BSE", "NSE", "US"], markets.Select(m => m.Market));
        Assert.Equal(["NIFTY", "BANKNIFTY", "FINNIFTY"], markets.Single(m => m.Market == "NSE").Symbols);
        Assert.Equal(["AAPL", "TSLA", "SPY", "QQQ"], markets.Single(m => m.Market == "US").Symbols);
        foreach (var market in markets)
        {
            var calendar = ExchangeCalendars.Default.Get(market.Market);
            // The answer is the calendar's status at an instant during the request (the same at both ends but at a boundary).
            var expected = new[] { calendar.StatusAt(before), calendar.StatusAt(after) };
            Assert.Contains(expected, s => s.State == market.Status && s.Reason == market.Reason && s.NextOpenUtc == market.NextOpen && s.TradingDay == market.TradingDay);
        }
    }

    [Fact]
    public async Task The_nse_calendar_for_2026_lists_the_sixteen_published_holidays_and_no_session_on_them()
    {
        var calendar = await http.GetFromJsonAsync<JsonElement>("/api/v1/markets/NSE/calendar?from=2026-01-01&to=2026-12-31", Market.Json, Cancel);

        string[] published = ["2026-01-15", "2026-01-26", "2026-03-03", "2026-03-26", "2026-03-31", "2026-04-03", "2026-04-14", "2026-05-01",
            "2026-05-28", "2026-06-26", "2026-09-14", "2026-10-02", "2026-10-20", "2026-11-10", "2026-11-24", "2026-12-25"];
        var holidays = calendar.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToArray();
        var sessions = calendar.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("date").GetString()).ToHashSet();
        Assert.Equal(published, holidays);
        Assert.DoesNotContain(sessions, published.Contains);
        Assert.Equal("Asia/Kolkata", calendar.GetProperty("timeZone").GetString());
        Assert.True(calendar.GetProperty("covered").GetBoolean());
        Assert.Contains("NSE", calendar.GetProperty("source").GetString(), StringComparison.Ordinal);
        // 365 days, 104 weekend days (2026 starts on a Thursday), 16 holidays on weekdays.
        Assert.Equal(365 - 104 - 16, sessions.Count);
    }

    [Fact]
    public async Task The_us_calendar_shows_the_day_after_thanksgiving_closing_at_1300_new_york_time()
    {
        var calendar = await http.GetFromJsonAsync<JsonElement>("/api/v1/markets/us/calendar?from=2026-11-25&to=2026-11-27", Market.Json, Cancel);

        var sessions = calendar.GetProperty("sessions").EnumerateArray().ToArray();
        Assert.Equal(["2026-11-25", "2026-11-27"], sessions.Select(s => s.GetProperty("date").GetString()));
        Assert.Equal(new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc), sessions[1].GetProperty("closeUtc").GetDateTime());
        Assert.True(sessions[1].GetProperty("earlyClose").GetBoolean());
        Assert.Equal("Thanksgiving Day", Assert.Single(calendar.GetProperty("holidays").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("13:00:00", Assert.Single(calendar.GetProperty("earlyCloses").EnumerateArray()).GetProperty("close").GetString());
    }

    [Theory]
    [InlineData("/api/v1/markets/NSE/calendar?from=2026-02-30", "from", "not a date")]
    [InlineData("/api/v1/markets/NSE/calendar?from=2026-01-01&to=2025-12-31", "to", "before from")]
    [InlineData("/api/v1/markets/NSE/calendar?from=2026-01-01&to=2028-01-02", "to", "at most 731 days")]
    public async Task A_bad_or_too_wide_range_is_a_400_naming_the_field_and_the_limit(string path, string field, string says)
    {
        var response = await http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains(says, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_market_is_a_404_listing_the_markets()
    {
        var response = await http.GetAsync("/api/v1/markets/LSE/calendar", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("Unknown market 'LSE'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("NSE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_underlying_carries_its_markets_status()
    {
        var nifty = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/NIFTY", Market.Json, Cancel);
        var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings", Market.Json, Cancel);

        Assert.Equal("NSE", nifty.GetProperty("marketStatus").GetProperty("market").GetString());
        Assert.All(list.EnumerateArray(), u => Assert.True(u.GetProperty("marketStatus").TryGetProperty("status", out _)));
        Assert.Equal("US", list.EnumerateArray().Single(u => u.GetProperty("symbol").GetString() == "SPY").GetProperty("marketStatus").GetProperty("market").GetString());
    }
}
