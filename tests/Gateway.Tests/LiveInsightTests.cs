using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics.Insights;
using DeltaStream.Gateway.Insights;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using DeltaStream.Time;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>insightUpdate over a real SignalR client: the current pulse on subscribing, then a new one when a signal turns.</summary>
public sealed class LiveInsightTests(QuietGatewayFactory factory) : IClassFixture<QuietGatewayFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chain_subscribers_get_the_pulse_and_an_update_when_a_signal_changes_direction()
    {
        var http = factory.CreateSignedInClient();
        var detail = await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/AAPL", Cancel);
        var expiry = DateOnly.Parse(detail.GetProperty("expiries")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await using var hub = await HubClient.ConnectAsync(factory);

        await hub.Connection.InvokeAsync("SubscribeChain", "AAPL", expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "raw", Cancel);
        var first = await HubClient.NextAsync(hub.Insights);

        var rest = await http.GetFromJsonAsync<InsightResponse>($"/api/v1/insights/AAPL?expiry={expiry:yyyy-MM-dd}", Market.Json, Cancel);
        Assert.Equal(("AAPL", expiry), (first.Symbol, first.Expiry));
        Assert.Equal(rest!.Signals.Select(s => (s.Name, s.Direction)), first.Signals.Select(s => (s.Name, s.Direction)));
        // The known market's PCR (OI) is about 1.18: neutral, just under the bullish threshold.
        var pcr = first.Signals.Single(s => s.Name == "pcrOi");
        Assert.Equal(SignalDirection.Neutral, pcr.Direction);

        await TriplePutOpenInterestAsync(new ChainId("AAPL", expiry));
        var turned = await HubClient.NextAsync(hub.Insights);

        Assert.Equal(SignalDirection.Bullish, turned.Signals.Single(s => s.Name == "pcrOi").Direction);
        Assert.True(turned.Signals.Single(s => s.Name == "pcrOi").Value > PulseRules.PcrBullish);
        Assert.True(turned.UpdatedAt > first.UpdatedAt);
    }

    /// <summary>Publishes every put of the chain again through the real stream path, with three times its open interest.</summary>
    private async Task TriplePutOpenInterestAsync(ChainId chain)
    {
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IOptionChainGrain>(chain.ToString());
        var snapshot = await grain.GetSnapshot();
        // A quote older than a contract's last is ignored, and the known market's last quotes are stamped a second ahead.
        var now = factory.Services.GetRequiredService<MarketClock>().GetUtcNow().UtcDateTime;
        var at = factory.QuotedAt.AddMilliseconds(1) > now ? factory.QuotedAt.AddMilliseconds(1) : now;
        var sequence = 5_000_000L;
        var puts = snapshot.Strikes.Where(r => r.Put is not null)
            .Select(r => new OptionTick(chain.Expiry, r.Strike, OptionRight.Put, at, ++sequence, r.Put!.Bid, r.Put.Ask, r.Put.Last, r.Put.Volume, r.Put.Oi * 3))
            .ToArray();
        var catalog = factory.Services.GetRequiredService<DeltaStream.Instruments.InstrumentCatalog>();
        var instrument = catalog.All.Single(i => i.Symbol == chain.Symbol);
        var provider = factory.Services.GetRequiredService<IClusterClient>().GetStreamProvider(MarketStreams.ProviderName);
        foreach (var (id, routed) in MarketStreamRouter.Route(new TickBatch(chain.Symbol, [], puts), catalog.Expiries(instrument)))
        {
            await provider.GetStream<TickBatch>(id).OnNextAsync(routed);
        }
    }
}
