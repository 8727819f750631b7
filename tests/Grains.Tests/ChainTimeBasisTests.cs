using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

/// <summary>A chain on the trading-time basis: T in trading minutes over a 252-session year, and theta per trading day.</summary>
public sealed class ChainTimeBasisTests
{
    private static readonly ExchangeCalendar Nse = ExchangeCalendars.Default.Get("NSE");

    [Fact]
    public void A_trading_time_chain_states_its_basis_counts_only_session_minutes_and_divides_theta_by_252()
    {
        var nifty = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");
        nifty.TimeBasis = TimeBasis.TradingTime;
        // Friday 2026-12-04 15:00 IST to Tuesday 2026-12-08 15:30 IST: 30 minutes Friday, Monday's and Tuesday's whole sessions.
        var now = new DateTime(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);
        var expiry = new DateOnly(2026, 12, 8);
        var book = new ChainBook(new ChainId("NIFTY", expiry), nifty, Nse);
        book.Apply(new TickBatch("NIFTY", [TestMarket.Spot(1, 24350, now)], [TestMarket.Option(expiry, 24300, OptionRight.Call, 2, 160, 164, now)]));

        book.Recompute(now);

        var session = 375.0; // 09:15 to 15:30
        var expected = (30 + session + session) / (252 * session);
        var chain = book.Snapshot;
        var call = chain.Strikes[0].Call!;
        Assert.Equal(TimeBasis.TradingTime, chain.TimeBasis);
        Assert.Equal(expected, chain.TimeToExpiry, 14);
        var model = BlackScholesMerton.Greeks(OptionType.Call, 24350, 24300, chain.TimeToExpiry, chain.Rate, chain.DividendYield, call.Iv!.Value);
        Assert.Equal(model.Theta / 252, call.ThetaPerDay!.Value, 12);
        Assert.Equal(model.Delta, call.Delta!.Value, 12);
    }
}
