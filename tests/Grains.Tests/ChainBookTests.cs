using DeltaStream.Calendars;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

public sealed class ChainBookTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Expiry = TestMarket.FirstExpiry(Now);
    private static readonly ChainId Chain = new("NIFTY", Expiry);

    private static ChainBook NewBook() => new(Chain, TestMarket.Nifty, ExchangeCalendars.Default.Get(TestMarket.Nifty.Market));

    [Fact]
    public void Recompute_solves_iv_from_the_mid_and_greeks_agree_with_bsm_at_the_reported_spot_time_and_iv()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, Now)));

        book.Recompute(Now);
        var s = book.Snapshot;
        var row = Assert.Single(s.Strikes);
        foreach (var (quote, type) in new[] { (row.Call!, OptionType.Call), (row.Put!, OptionType.Put) })
        {
            Assert.Equal(IvStatus.Ok, quote.IvStatus);
            var iv = quote.Iv!.Value;
            var model = BlackScholesMerton.Greeks(type, s.Spot!.Value, 24300, s.TimeToExpiry, s.Rate, s.DividendYield, iv);
            Assert.Equal(quote.Mid!.Value, model.Price, 9);
            Assert.Equal(model.Delta, quote.Delta);
            Assert.Equal(model.Gamma, quote.Gamma);
            Assert.Equal(model.Theta, quote.Theta);
            Assert.Equal(model.Vega, quote.Vega);
            Assert.Equal(model.Rho, quote.Rho);
            Assert.Equal(model.Theta / 365, quote.ThetaPerDay);
            Assert.Equal(model.Vega / 100, quote.VegaPerPoint);
        }
    }

    [Fact]
    public void A_replayed_batch_changes_nothing_and_counts_as_duplicates_and_older_sequences_as_stale()
    {
        var book = NewBook();
        var batch = TestMarket.Batch([TestMarket.Spot(10, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 11, 160, 164, Now, volume: 500));
        Assert.Equal(new TickOutcome(2, 0, 0, 0), book.Apply(batch));

        Assert.Equal(new TickOutcome(0, 2, 0, 0), book.Apply(batch));
        var stale = TestMarket.Batch([TestMarket.Spot(9, 1, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 8, 1, 2, Now, volume: 1));
        Assert.Equal(new TickOutcome(0, 0, 2, 0), book.Apply(stale));

        book.Recompute(Now);
        Assert.Equal(24350, book.Snapshot.Spot);
        Assert.Equal(500, book.Snapshot.Strikes[0].Call!.Volume);
    }

    [Fact]
    public void Invalid_ticks_and_ticks_of_another_expiry_are_rejected_while_the_rest_of_the_batch_applies()
    {
        var book = NewBook();
        var outcome = book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, double.NaN, Now), TestMarket.Spot(2, 24350, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 3, 170, 160, Now),
            TestMarket.Option(Expiry, -5, OptionRight.Call, 4, 1, 2, Now),
            TestMarket.Option(Expiry.AddDays(7), 24300, OptionRight.Call, 5, 1, 2, Now),
            TestMarket.Option(Expiry, 24400, OptionRight.Put, 6, 120, 122, Now)));

        Assert.Equal(new TickOutcome(2, 0, 0, 4), outcome);
        book.Recompute(Now);
        Assert.Equal(24350, book.Snapshot.Spot);
        var row = Assert.Single(book.Snapshot.Strikes);
        Assert.Equal(24400, row.Strike);
        Assert.Null(row.Call);
    }

    [Fact]
    public void Ticks_at_strikes_off_the_ladder_are_counted_apart_and_never_add_a_strike()
    {
        var book = NewBook();
        var outcome = book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now)],
            TestMarket.Option(Expiry, 24325, OptionRight.Call, 2, 40, 42, Now),
            TestMarket.Option(Expiry, 99_950, OptionRight.Put, 3, 40, 42, Now),
            TestMarket.Option(Expiry, 24350, OptionRight.Put, 4, 110, 112, Now)));

        Assert.Equal(new TickOutcome(2, 0, 0, 0, OffLadder: 2), outcome);
        book.Recompute(Now);
        Assert.Equal([24350.0], book.Snapshot.Strikes.Select(s => s.Strike));
    }

    [Fact]
    public void Updates_number_consecutively_and_carry_only_the_strikes_that_changed()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now),
            TestMarket.Option(Expiry, 24400, OptionRight.Call, 3, 110, 114, Now)));
        var first = book.Recompute(Now);
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24400, OptionRight.Call, 4, 111, 115, Now)));
        var second = book.Recompute(Now);
        var third = book.Recompute(Now);

        Assert.Equal([1L, 2L, 3L], new[] { first.Sequence, second.Sequence, third.Sequence });
        Assert.Equal(2, first.Strikes.Count);
        Assert.Equal(24400, Assert.Single(second.Strikes).Strike);
        Assert.Empty(third.Strikes);
        Assert.Equal(3, book.Snapshot.Sequence);
    }

    [Fact]
    public void Before_a_spot_a_later_recompute_reuses_the_rows_no_tick_changed_and_the_first_spot_prices_them_all()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 1, 160, 164, Now),
            TestMarket.Option(Expiry, 24400, OptionRight.Call, 2, 110, 114, Now)));
        book.Recompute(Now);
        var before = book.Snapshot.Strikes;
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24400, OptionRight.Call, 3, 111, 115, Now)));
        var update = book.Recompute(Now.AddSeconds(1));
        var after = book.Snapshot.Strikes;

        // Unpriced quotes do not depend on the time, so the untouched strike is the very row published before.
        Assert.Same(before[0], after[0]);
        Assert.Equal(111, after[1].Call!.Bid);
        Assert.Equal(24400, Assert.Single(update.Strikes).Strike);

        book.Apply(TestMarket.Batch([TestMarket.Spot(4, 24350, Now)]));
        var priced = book.Recompute(Now.AddSeconds(2));
        Assert.Equal(2, priced.Strikes.Count);
        Assert.All(priced.Strikes, row => Assert.Equal(IvStatus.Ok, row.Call!.IvStatus));
    }

    [Fact]
    public void Values_that_cannot_be_computed_are_null_with_a_status()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Call, 1, 160, 164, Now)));
        book.Recompute(Now);
        var noSpot = book.Snapshot.Strikes[0].Call!;
        Assert.Null(noSpot.Iv);
        Assert.Null(noSpot.Delta);

        // A call quoted below its discounted intrinsic value has no implied volatility.
        book.Apply(TestMarket.Batch([TestMarket.Spot(2, 25000, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 3, 10, 12, Now)));
        book.Recompute(Now);
        var below = book.Snapshot.Strikes[0].Call!;
        Assert.Equal(IvStatus.BelowIntrinsic, below.IvStatus);
        Assert.Null(below.Iv);
        Assert.Null(below.Gamma);
        Assert.Null(book.Snapshot.Analytics.AtmIv);
    }

    [Fact]
    public void Oi_change_is_measured_from_the_sessions_first_open_interest_and_resets_on_a_new_exchange_day()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Put, 2, 80, 82, Now, oi: 1000)));
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, Now.AddMinutes(1), oi: 1250)));
        book.Recompute(Now.AddMinutes(1));
        Assert.Equal(250, book.Snapshot.Strikes[0].Put!.OiChange);

        var nextDay = Now.AddDays(3); // Friday to Monday: the next trading day
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Put, 4, 80, 82, nextDay, oi: 1300)));
        book.Recompute(nextDay);
        Assert.Equal(50, book.Snapshot.Strikes[0].Put!.OiChange);
    }

    [Fact]
    public void Change_is_the_last_trade_against_the_sessions_first_then_against_the_previous_sessions_close()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now)));
        book.Recompute(Now);
        Assert.Equal(0, book.Snapshot.Strikes[0].Call!.Change);

        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Call, 3, 170, 172, Now.AddMinutes(1))));
        book.Recompute(Now.AddMinutes(1));
        Assert.Equal(171 - 162, book.Snapshot.Strikes[0].Call!.Change);

        // The next exchange day measures from the close of this one (last 171), not from this session's first trade.
        var nextDay = Now.AddDays(3); // Friday to Monday: the next trading day
        book.Apply(TestMarket.Batch([], TestMarket.Option(Expiry, 24300, OptionRight.Call, 4, 150, 152, nextDay)));
        book.Recompute(nextDay);
        Assert.Equal(151 - 171, book.Snapshot.Strikes[0].Call!.Change);
        Assert.Null(book.Snapshot.Strikes[0].Put);
    }

    [Fact]
    public void State_round_trips_so_a_reactivated_chain_continues_where_it_stopped_in_a_new_epoch()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, Now, oi: 7)));
        book.Recompute(Now);

        var restored = new ChainBook(Chain, TestMarket.Nifty, ExchangeCalendars.Default.Get(TestMarket.Nifty.Market), book.ToState(), epoch: book.Epoch + 1);
        var update = restored.Recompute(Now);

        Assert.Equal((book.Epoch + 1, 1L), (update.Epoch, update.Sequence));
        Assert.Equal(book.Snapshot.Strikes, restored.Snapshot.Strikes);
        Assert.Equal(book.Snapshot.Analytics, restored.Snapshot.Analytics);
        Assert.Equal(new TickOutcome(0, 3, 0, 0), restored.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 1, 2, Now), TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 1, 2, Now))));
    }

    [Fact]
    public void Chain_analytics_come_from_the_quotes()
    {
        var book = NewBook();
        book.Apply(TestMarket.Batch(
            [TestMarket.Spot(1, 24350, Now)],
            TestMarket.Option(Expiry, 24300, OptionRight.Call, 2, 160, 164, Now, volume: 100, oi: 400),
            TestMarket.Option(Expiry, 24300, OptionRight.Put, 3, 80, 82, Now, volume: 300, oi: 1200),
            TestMarket.Option(Expiry, 24400, OptionRight.Call, 4, 100, 104, Now, volume: 200, oi: 600),
            TestMarket.Option(Expiry, 24400, OptionRight.Put, 5, 120, 124, Now, volume: 100, oi: 200)));

        book.Recompute(Now);
        var a = book.Snapshot.Analytics;

        Assert.Equal(1400.0 / 1000.0, a.PcrOi);
        Assert.Equal(400.0 / 300.0, a.PcrVolume);
        Assert.Equal(1000, a.TotalCallOi);
        Assert.Equal(1400, a.TotalPutOi);
        Assert.Equal(24400, a.AtmStrike);
        Assert.Equal(102 + 122, a.Straddle);
        Assert.NotNull(a.AtmIv);
        Assert.Equal(book.Snapshot.Forward!.Value * a.AtmIv!.Value * Math.Sqrt(book.Snapshot.TimeToExpiry), a.ExpectedMove!.Value, 9);
        // Pain at 24300: calls below 0, puts above 200 x 100 = 20000; at 24400: calls 400 x 100 = 40000.
        Assert.Equal(24300, a.MaxPain);
    }

    [Fact]
    public void Black76_chains_take_the_forward_from_parity_on_the_atm_pair_and_greeks_from_that_forward()
    {
        var instrument = TestMarket.NiftyWith(PricingModel.Black76);
        var book = new ChainBook(Chain, instrument, ExchangeCalendars.Default.Get(instrument.Market));
        const double forward = 24412.5;
        var time = ExpiryCalendar.YearsToExpiry(ExpiryCalendar.SettlementUtc(instrument, ExchangeCalendars.Default.Get(instrument.Market), Expiry), Now);
        var sequence = 1L;
        var ticks = new List<OptionTick>();
        foreach (var strike in new[] { 24300.0, 24400, 24500 })
        {
            foreach (var (right, type) in new[] { (OptionRight.Call, OptionType.Call), (OptionRight.Put, OptionType.Put) })
            {
                var price = Black76.Price(type, forward, strike, time, instrument.Rate, 0.15);
                ticks.Add(TestMarket.Option(Expiry, strike, right, ++sequence, price - 0.5, price + 0.5, Now));
            }
        }

        // The spot is deliberately off the carry forward: a futures basis the parity forward picks up.
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24300, Now)], [.. ticks]));
        book.Recompute(Now);
        var s = book.Snapshot;

        Assert.Equal(PricingModel.Black76, s.Model);
        Assert.Equal(forward, s.Forward!.Value, 9);
        foreach (var row in s.Strikes)
        {
            Assert.Equal(0.15, row.Call!.Iv!.Value, 9);
            var model = Black76.Greeks(OptionType.Put, s.Forward.Value, row.Strike, s.TimeToExpiry, s.Rate, row.Put!.Iv!.Value);
            Assert.Equal(model.Delta, row.Put.Delta);
            Assert.Equal(model.Gamma, row.Put.Gamma);
            Assert.Equal(model.Rho, row.Put.Rho);
        }
    }
}
