using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Snapshots;
using DeltaStream.Time;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The expiry roll while the embedded system runs, without a restart: its clock starts shortly before NIFTY's weekly
/// settlement; a live client sees the chain settle, the expiry leaves the list, the next weekly is listed and served.
/// </summary>
public sealed class ExpiryRollTests(SettlementEveGatewayFactory factory) : IClassFixture<SettlementEveGatewayFactory>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_settlement_a_live_client_sees_the_chain_settle_the_expiry_leaves_the_list_and_the_next_weekly_is_served()
    {
        var http = factory.CreateSignedInClient();
        var expiry = SettlementEveGatewayFactory.Expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var clock = factory.Services.GetRequiredService<MarketClock>();
        Assert.True(clock.GetUtcNow() < SettlementEveGatewayFactory.Settlement, "the gateway took longer to start than the lead before settlement");

        var before = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/NIFTY", Market.Json, Cancel);
        Assert.Equal(expiry, before.GetProperty("expiries")[0].GetString());
        Assert.Equal("open", before.GetProperty("marketStatus").GetProperty("status").GetString());

        await using var hub = await HubClient.ConnectAsync(factory);
        await hub.Connection.InvokeAsync("SubscribeChain", "NIFTY", expiry, "raw", Cancel);
        var snapshot = await HubClient.NextAsync(hub.Snapshots);
        Assert.Equal(ChainLifecycle.Live, snapshot.Status);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Bound);
        var settled = await NextSettledAsync(hub, timeout.Token);

        var settlementUtc = SettlementEveGatewayFactory.Settlement.UtcDateTime;
        Assert.Equal(settlementUtc, settled.Settlement!.SettledAt);
        Assert.Equal(settlementUtc, settled.UpdatedAt);
        Assert.Equal(0, settled.TimeToExpiry);
        Assert.NotNull(settled.Settlement.Price);

        var after = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/NIFTY", Market.Json, Cancel);
        var listed = after.GetProperty("expiries").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(["2026-12-15", "2026-12-22", "2026-12-29", "2027-01-05"], listed);
        Assert.Equal(("closed", "afterHours"), (after.GetProperty("marketStatus").GetProperty("status").GetString(), after.GetProperty("marketStatus").GetProperty("reason").GetString()));

        // The settled chain stays readable with its final state; the next weekly is a live chain.
        var final = await http.GetFromJsonAsync<ChainSnapshot>($"/api/v1/chains/NIFTY/{expiry}", Market.Json, Cancel);
        Assert.Equal((ChainLifecycle.Settled, settled.Settlement), (final!.Status, final.Settlement));
        Assert.All(final.Strikes.SelectMany(r => new[] { r.Call, r.Put }).OfType<OptionQuote>(), q => Assert.Equal(IvStatus.Expired, q.IvStatus));
        var next = await Market.QuotedChainAsync(factory, "NIFTY", "2026-12-15");
        Assert.Equal(ChainLifecycle.Live, next.Status);
        Assert.Null(next.Settlement);
    }

    [Fact]
    public async Task A_chain_that_settled_longer_ago_than_the_retention_is_a_404_saying_when_it_settled()
    {
        var http = factory.CreateSignedInClient();

        var response = await http.GetAsync("/api/v1/chains/NIFTY/2026-11-24", Cancel);

        // 2026-11-24 (Guru Nanak Jayanti) is an NSE holiday: that week's expiry moved to Monday 2026-11-23.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no listed expiry", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var moved = await http.GetAsync("/api/v1/chains/NIFTY/2026-11-23", Cancel);
        var problem = await moved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal("NIFTY 2026-11-23 settled at 2026-11-23T10:00:00.0000000Z; settled chains are kept for 7 days.", problem.GetProperty("detail").GetString());
    }

    private static async Task<ChainDeltaMessage> NextSettledAsync(HubClient hub, CancellationToken cancellationToken)
    {
        await foreach (var update in hub.Updates.Reader.ReadAllAsync(cancellationToken))
        {
            if (update.Status == ChainLifecycle.Settled)
            {
                return update;
            }
        }

        throw new InvalidOperationException("The hub closed before the chain settled.");
    }
}
