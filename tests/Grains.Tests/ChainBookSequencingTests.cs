using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

/// <summary>Dedupe per instrument and producer in the chain book, and the session rollover that only applied ticks cause.</summary>
public sealed class ChainBookSequencingTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Expiry = TestMarket.FirstExpiry(Now);
    private static readonly ChainId Chain = new("NIFTY", Expiry);

    private static ChainBook NewBook() => new(Chain, TestMarket.Nifty, ExchangeCalendars.Default.Get(TestMarket.Nifty.Market));

    private static TickBatch From(string? source, UnderlyingTick[] underlying, params OptionTick[] options) => TestMarket.Batch(underlying, options) with { Source = source };

    [Fact]
    public void Two_producers_with_interleaved_sequences_are_both_applied_once()
    {
        var book = NewBook();
        var outcomes = new List<TickOutcome>();
        // Producer "a" numbers from 1000, producer "b" from 1: each of b's ticks is below a's watermark.
        for (var i = 0; i < 10; i++)
        {
            var source = i % 2 == 0 ? "a" : "b";
            var sequence = (source == "a" ? 1000 : 1) + i;
            var at = Now.AddSeconds(i);
            outcomes.Add(book.Apply(From(source, [TestMarket.Spot(sequence, 24300 + i, at)], TestMarket.Option(Expiry, 24300, OptionRight.Call, sequence, 160 + i, 164 + i, at, volume: 100 + i))));
        }

        Assert.All(outcomes, o => Assert.Equal(new TickOutcome(2, 0, 0, 0), o));
        book.Recompute(Now.AddSeconds(10));
        Assert.Equal(24309, book.Snapshot.Spot);
        Assert.Equal(169, book.Snapshot.Strikes[0].Call!.Bid);

        // A replay of either producer's last entry is a duplicate of that producer only.
        Assert.Equal(new TickOutcome(0, 2, 0, 0), book.Apply(From("b", [TestMarket.Spot(10, 1, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 10, 1, 2, Now))));
        Assert.Equal(new TickOutcome(0, 0, 2, 0), book.Apply(From("a", [TestMarket.Spot(1007, 1, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 1007, 1, 2, Now))));
    }

    [Fact]
    public void The_default_producer_and_a_named_one_keep_separate_watermarks()
    {
        var book = NewBook();
        Assert.Equal(new TickOutcome(1, 0, 0, 0), book.Apply(From(null, [TestMarket.Spot(500, 24300, Now)])));
        Assert.Equal(new TickOutcome(1, 0, 0, 0), book.Apply(From("replay", [TestMarket.Spot(3, 24310, Now.AddSeconds(1))])));
        Assert.Equal(new TickOutcome(0, 0, 1, 0), book.Apply(From(null, [TestMarket.Spot(3, 24320, Now.AddSeconds(2))])));
        Assert.Equal(24310, book.Spot);
    }

    [Fact]
    public void An_out_of_order_tick_of_one_contract_is_stale_while_other_contracts_in_the_same_batch_apply()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Call, 50, 160, 164, Now)));

        var outcome = book.Apply(TestMarket.Batch([],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 40, 1, 2, Now.AddSeconds(1)),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 41, 80, 82, Now.AddSeconds(1)),
            TestMarket.Option(Expiry, 24400, OptionRight.Call, 42, 110, 114, Now.AddSeconds(1))));

        Assert.Equal(new TickOutcome(2, 0, 1, 0), outcome);
        book.Recompute(Now.AddSeconds(1));
        Assert.Equal(160, book.Snapshot.Strikes[0].Call!.Bid);
        Assert.Equal(80, book.Snapshot.Strikes[0].Put!.Bid);
        Assert.Equal(110, book.Snapshot.Strikes[1].Call!.Bid);
    }

    [Fact]
    public void Duplicates_inside_one_batch_are_dropped()
    {
        var book = NewBook();
        var outcome = book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24300, Now), TestMarket.Spot(1, 99999, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now, volume: 100),
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 1, 2, Now, volume: 999)));

        Assert.Equal(new TickOutcome(2, 2, 0, 0), outcome);
        book.Recompute(Now);
        Assert.Equal(24300, book.Snapshot.Spot);
        Assert.Equal(100, book.Snapshot.Strikes[0].Call!.Volume);
    }

    [Fact]
    public void A_refused_tick_of_a_later_day_does_not_roll_the_session()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24300, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Put, 2, 80, 82, Now, oi: 1000)));
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, Now.AddMinutes(1), oi: 1250)));

        var nextDay = Now.AddDays(3); // Friday to Monday: the next trading day
        var refused = book.Apply(TestMarket.Batch(
            [TestMarket.Spot(4, double.NaN, nextDay), TestMarket.Spot(1, 24500, nextDay)],
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, nextDay, oi: 1300),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 2, 80, 82, nextDay, oi: 1300),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 5, 90, 80, nextDay, oi: 1300)));

        Assert.Equal(new TickOutcome(0, 2, 1, 2), refused);
        book.Recompute(Now.AddMinutes(1));
        Assert.Equal(250, book.Snapshot.Strikes[0].Put!.OiChange);

        // The first applied tick of the next day does roll it.
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Put, 6, 80, 82, nextDay, oi: 1300)));
        book.Recompute(nextDay);
        Assert.Equal(50, book.Snapshot.Strikes[0].Put!.OiChange);
    }

    [Fact]
    public void Every_producers_watermark_survives_a_restore()
    {
        var book = NewBook();
        book.Apply(From("a", [TestMarket.Spot(100, 24300, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 101, 160, 164, Now)));
        book.Apply(From("b", [TestMarket.Spot(7, 24310, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 8, 161, 165, Now)));

        var restored = new ChainBook(Chain, TestMarket.Nifty, ExchangeCalendars.Default.Get(TestMarket.Nifty.Market), book.ToState());

        Assert.Equal(new TickOutcome(0, 2, 0, 0), restored.Apply(From("a", [TestMarket.Spot(100, 1, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 101, 1, 2, Now))));
        Assert.Equal(new TickOutcome(0, 1, 1, 0), restored.Apply(From("b", [TestMarket.Spot(7, 1, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 5, 1, 2, Now))));
        Assert.Equal(new TickOutcome(2, 0, 0, 0), restored.Apply(From("b", [TestMarket.Spot(9, 24320, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 9, 162, 166, Now))));
    }
}
