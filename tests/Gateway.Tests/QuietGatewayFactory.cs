using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using DeltaStream.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// An embedded gateway with the synthetic feed switched off and a known market published through the real stream
/// path: two sessions' worth of quotes per listed chain, so every analytics answer can be checked exactly.
/// </summary>
public sealed class QuietGatewayFactory : TestGatewayFactory, IAsyncLifetime
{
    public const int StrikesEachSide = 8;

    /// <summary>The time stamp of the known market's last quotes: a tick a test adds must be later to be applied.</summary>
    public DateTime QuotedAt { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Feed:Enabled", "false");
    }

    public async ValueTask InitializeAsync()
    {
        var catalog = Services.GetRequiredService<InstrumentCatalog>();
        var provider = Services.GetRequiredService<IClusterClient>().GetStreamProvider(MarketStreams.ProviderName);
        // The gateway's market clock, which TestClock may have started at a pinned instant.
        var now = Services.GetRequiredService<MarketClock>().GetUtcNow().UtcDateTime;
        QuotedAt = now.AddSeconds(1);
        foreach (var instrument in catalog.All)
        {
            var expiries = catalog.Expiries(instrument);
            // Second round: calls rise with more OI (long build-up), puts fall with more OI (short build-up).
            for (var round = 0; round < 2; round++)
            {
                var batch = Quotes(instrument, expiries, now.AddSeconds(round), round);
                foreach (var (id, routed) in MarketStreamRouter.Route(batch, expiries))
                {
                    await provider.GetStream<TickBatch>(id).OnNextAsync(routed);
                }
            }
        }

        // Stream delivery is asynchronous: wait until every chain has applied the second round.
        var grains = Services.GetRequiredService<IGrainFactory>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var instrument in catalog.All)
        {
            foreach (var expiry in catalog.Expiries(instrument))
            {
                var grain = grains.GetGrain<IOptionChainGrain>(new ChainId(instrument.Symbol, expiry).ToString());
                // Applied is not yet published: answers come from the last publication, so wait for that to hold round two.
                while ((await grain.GetActivity()).Count(a => a.CallOiChange != 0) < (2 * StrikesEachSide) + 1
                    || (await grain.GetSnapshot()).Strikes.Count(r => r.Call is { OiChange: not 0 }) < (2 * StrikesEachSide) + 1)
                {
                    await Task.Delay(20, cts.Token);
                }
            }
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();

    internal static TickBatch Quotes(InstrumentDefinition instrument, IReadOnlyList<DateOnly> expiries, DateTime at, int round)
    {
        var spot = instrument.BasePrice;
        var sequence = (round * 10_000L) + 1;
        var options = new List<OptionTick>();
        foreach (var expiry in expiries)
        {
            var t = ExpiryCalendar.YearsToExpiry(ExpiryCalendar.SettlementUtc(instrument, ExchangeCalendars.Default.Get(instrument.Market), expiry), at);
            for (var i = -StrikesEachSide; i <= StrikesEachSide; i++)
            {
                var strike = (Math.Round(spot / instrument.StrikeStep) + i) * instrument.StrikeStep;
                var vol = instrument.AtmVolatility * (1 - (0.01 * i) + (0.002 * i * i));
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var price = BlackScholesMerton.Price(type, spot, strike, t, instrument.Rate, instrument.DividendYield, vol);
                    var drift = round * (type == OptionType.Call ? 0.5 : -0.25) * instrument.TickSize * 10;
                    var last = Math.Max(instrument.TickSize, price + drift);
                    var oi = 1000 + (37 * (i + StrikesEachSide)) + (round * 100) + (type == OptionType.Put ? 250 : 0);
                    options.Add(new OptionTick(expiry, strike, type == OptionType.Call ? OptionRight.Call : OptionRight.Put, at, ++sequence,
                        last * 0.995, last * 1.005, last, 10 * (i + StrikesEachSide + 1) * (round + 1), oi));
                }
            }
        }

        return new TickBatch(instrument.Symbol, [new UnderlyingTick(at, sequence + 1, spot, 100)], [.. options]);
    }
}
