using DeltaStream.Testing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Providers.MongoDB.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MongoDB.Bson;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The gateway with ConnectionStrings:MongoDB: bars and chain history answered from the documented collections
/// (written here as documents, at instants no live tick reaches), rolled up, paged through the Link header; and
/// accounts, whose grain state is stored there.
/// </summary>
public sealed class MongoHistoryApiTests(MongoServer server) : IClassFixture<MongoServer>, IAsyncLifetime
{
    private static readonly DateTime Two = new(2020, 1, 2, 14, 0, 0, DateTimeKind.Utc);
    private readonly string database = MongoServer.NewDatabaseName("gateway");
    private WebApplicationFactory<Program> gateway = null!;
    private HttpClient http = null!;

    public async ValueTask InitializeAsync()
    {
        var bars = server.Database(database).GetCollection<BsonDocument>("minuteBars");
        await bars.InsertManyAsync(Enumerable.Range(0, 12).Select(m => new BsonDocument
        {
            ["_id"] = $"SPY|{Two.AddMinutes(m):yyyy-MM-ddTHH:mm}Z", ["symbol"] = "SPY", ["start"] = Two.AddMinutes(m),
            ["open"] = 100.0 + m, ["high"] = 101.5 + m, ["low"] = 99.5 + m, ["close"] = 100.5 + m, ["volume"] = 10L + m,
        }));
        gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("DeltaStream:Cluster:SiloPort", LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture));
            b.UseSetting("DeltaStream:Cluster:GatewayPort", LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture));
            b.UseSetting("DeltaStream:Feed:Enabled", "false");
            b.UseSetting("ConnectionStrings:MongoDB", server.ConnectionString(database));
            foreach (var (key, value) in TestAccounts.Settings)
            {
                b.UseSetting(key, value);
            }
        });
        using var anonymous = gateway.CreateClient();
        http = TestAccounts.Authorize(gateway.CreateClient(), await TestAccounts.RegisterAsync(anonymous));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await gateway.DisposeAsync();
        await server.Database(database).Client.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Registrations_of_one_email_racing_let_exactly_one_win_and_its_password_signs_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestAccounts.NewEmail();
        using var anonymous = gateway.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = $"racing-password-{i}" }, ct)));
        var winner = Assert.Single(answers, a => a.IsSuccessStatusCode);
        var index = Array.IndexOf(answers, winner);

        Assert.All(answers.Where(a => a != winner), a => Assert.Equal(System.Net.HttpStatusCode.Conflict, a.StatusCode));
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"racing-password-{index}" }, ct);
        var loser = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"racing-password-{(index + 1) % 8}" }, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, loser.StatusCode);
    }

    [Fact]
    public async Task Five_minute_bars_roll_up_from_MongoDB_newest_first_and_page_through_the_Link_header()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var first = await http.GetAsync(new Uri("/api/v1/underlyings/SPY/bars?interval=5m&from=2020-01-02T00:00:00Z&to=2020-01-03T00:00:00Z&limit=2", UriKind.Relative), cancellation);
        var page = await first.Content.ReadFromJsonAsync<JsonElement>(cancellation);

        Assert.Equal([Two.AddMinutes(10), Two.AddMinutes(5)], page.EnumerateArray().Select(b => b.GetProperty("start").GetDateTime().ToUniversalTime()));
        var newest = page[0];
        Assert.Equal((110.0, 112.5, 109.5, 111.5, 41L), (newest.GetProperty("open").GetDouble(), newest.GetProperty("high").GetDouble(),
            newest.GetProperty("low").GetDouble(), newest.GetProperty("close").GetDouble(), newest.GetProperty("volume").GetInt64()));
        var next = NextLink(first) ?? throw new InvalidOperationException("no Link header on a page with older bars");

        var second = await http.GetAsync(new Uri(next, UriKind.Relative), cancellation);
        var rest = await second.Content.ReadFromJsonAsync<JsonElement>(cancellation);

        var oldest = Assert.Single(rest.EnumerateArray());
        Assert.Equal(Two, oldest.GetProperty("start").GetDateTime().ToUniversalTime());
        Assert.Equal(10 + 11 + 12 + 13 + 14, oldest.GetProperty("volume").GetInt64());
        Assert.Null(NextLink(second));
    }

    [Fact]
    public async Task Chain_history_comes_from_MongoDB_newest_first_pages_and_exports_as_csv()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var expiry = await Market.FirstExpiryAsync(http, "SPY");
        await server.Database(database).GetCollection<BsonDocument>("chainHistory").InsertManyAsync(Enumerable.Range(0, 3).Select(i => new BsonDocument
        {
            ["symbol"] = "SPY", ["expiry"] = expiry, ["ts"] = Two.AddMinutes(i), ["spot"] = 320.25 + i, ["sessionClose"] = i == 2,
            ["analytics"] = new BsonDocument { ["pcrOi"] = 0.75 + i, ["maxPain"] = 320.0, ["totalCallOi"] = 1000L, ["totalPutOi"] = 750L, ["atmIv"] = BsonNull.Value },
        }), cancellationToken: cancellation);

        var first = await http.GetAsync(new Uri($"/api/v1/chains/SPY/{expiry}/history?limit=2", UriKind.Relative), cancellation);
        var page = await first.Content.ReadFromJsonAsync<JsonElement>(cancellation);

        Assert.Equal([Two.AddMinutes(2), Two.AddMinutes(1)], page.EnumerateArray().Select(p => p.GetProperty("ts").GetDateTime().ToUniversalTime()));
        Assert.True(page[0].GetProperty("sessionClose").GetBoolean());
        Assert.Equal(2.75, page[0].GetProperty("analytics").GetProperty("pcrOi").GetDouble());
        Assert.Equal(JsonValueKind.Null, page[0].GetProperty("analytics").GetProperty("atmIv").ValueKind);
        var next = NextLink(first) ?? throw new InvalidOperationException("no Link header on a page with older points");

        var csv = await http.GetStringAsync(new Uri(next + "&format=csv", UriKind.Relative), cancellation);

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("ts,spot,pcrOi,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2020-01-02T14:00:00.000Z,320.25,0.75,", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? values.Single().Split('>')[0].TrimStart('<') : null;
}
