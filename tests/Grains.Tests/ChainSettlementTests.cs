using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

/// <summary>The chain book at its settlement: final quotes at the settlement instant, the spot then as the price, no ticks after.</summary>
public sealed class ChainSettlementTests
{
    private static readonly ExchangeCalendar Nse = ExchangeCalendars.Default.Get("NSE");
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc); // Monday 14:30 IST
    private static readonly DateOnly Expiry = new(2026, 12, 8);
    private static readonly DateTime Settlement = ExpiryCalendar.SettlementUtc(TestMarket.Nifty, Nse, Expiry);

    private static ChainBook NewBook(ChainState? state = null) => new(new ChainId("NIFTY", Expiry), TestMarket.Nifty, Nse, state);

    [Fact]
    public void A_settled_chain_publishes_status_settled_with_the_spot_at_settlement_and_every_quote_expired_at_the_settlement_instant()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now), TestMarket.Spot(2, 24410, Settlement.AddSeconds(-1))],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 3, 100, 104, Now),
            TestMarket.Option(Expiry, 24400, OptionRight.Put, 4, 30, 32, Now)));
        book.Recompute(Now);
        Assert.Equal(ChainLifecycle.Live, book.Snapshot.Status);

        Assert.True(book.Settle(Settlement));
        var update = book.Recompute(Settlement.AddMinutes(3));

        Assert.Equal(new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc), Settlement);
        Assert.Equal((ChainLifecycle.Settled, new ChainSettlement(Settlement, 24410)), (update.Status, update.Settlement));
        Assert.Equal((ChainLifecycle.Settled, Settlement, 0.0), (book.Snapshot.Status, book.Snapshot.UpdatedAt, book.Snapshot.TimeToExpiry));
        Assert.All(book.Snapshot.Strikes.SelectMany(r => new[] { r.Call, r.Put }).OfType<OptionQuote>(), q =>
        {
            Assert.Equal(IvStatus.Expired, q.IvStatus);
            Assert.Null(q.Delta);
        });
        Assert.False(book.Settle(Settlement.AddDays(1)));
    }

    [Fact]
    public void A_settled_chain_takes_no_more_ticks_and_keeps_its_settlement_across_a_restore()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 100, 104, Now)));
        book.Settle(Settlement);

        var late = book.Apply(TestMarket.Batch([TestMarket.Spot(5, 1, Settlement.AddSeconds(1))], TestMarket.Option(Expiry, 24300, OptionRight.Call, 6, 1, 2, Settlement)));
        var restored = NewBook(book.ToState());
        restored.Recompute(Settlement.AddHours(1));

        Assert.Equal(new TickOutcome(0, 0, 0, 2), late);
        Assert.Equal(new ChainSettlement(Settlement, 24350), restored.Settlement);
        Assert.Equal(ChainLifecycle.Settled, restored.Snapshot.Status);
        Assert.Equal(100, restored.Snapshot.Strikes[0].Call!.Bid);
    }
}
