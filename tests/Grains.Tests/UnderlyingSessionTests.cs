using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Grains.Underlyings;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

public sealed class UnderlyingSessionTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private static readonly ExchangeCalendar Nse = ExchangeCalendars.Default.Get("NSE");

    private static TickBatch Ticks(string? source, params UnderlyingTick[] ticks) => new("NIFTY", ticks, [], source);

    [Fact]
    public void Two_producers_with_interleaved_sequences_both_add_their_volume()
    {
        var session = new UnderlyingSession("NIFTY", Nse, new UnderlyingState());
        for (var i = 0; i < 20; i++)
        {
            var source = i % 2 == 0 ? "primary" : "backup";
            Assert.Equal(new TickOutcome(1, 0, 0, 0), session.Apply(Ticks(source, TestMarket.Spot((source == "primary" ? 5000 : 10) + i, 24300 + i, Now.AddSeconds(i), volume: 1))));
        }

        var snapshot = session.Snapshot();
        Assert.Equal(20, snapshot.Volume);
        Assert.Equal(24319, snapshot.Spot);
    }

    [Fact]
    public void In_batch_duplicates_and_stale_ticks_are_dropped_by_reason()
    {
        var session = new UnderlyingSession("NIFTY", Nse, new UnderlyingState());
        var outcome = session.Apply(Ticks(null, TestMarket.Spot(5, 100, Now, 1), TestMarket.Spot(5, 101, Now, 1), TestMarket.Spot(4, 102, Now, 1), TestMarket.Spot(6, 103, Now, 1)));

        Assert.Equal(new TickOutcome(2, 1, 1, 0), outcome);
        Assert.Equal(2, session.Snapshot().Volume);
        Assert.Equal(103, session.Snapshot().Spot);
    }

    [Fact]
    public void A_refused_tick_of_a_later_day_does_not_close_the_session()
    {
        var session = new UnderlyingSession("NIFTY", Nse, new UnderlyingState());
        session.Apply(Ticks(null, TestMarket.Spot(10, 24300, Now, 5)));

        var nextDay = Now.AddDays(3); // Friday to Monday: the next trading day
        Assert.Equal(new TickOutcome(0, 1, 1, 1), session.Apply(Ticks(null, TestMarket.Spot(10, 1, nextDay), TestMarket.Spot(9, 1, nextDay), TestMarket.Spot(11, -1, nextDay))));
        Assert.Null(session.Snapshot().PrevClose);
        Assert.Equal(5, session.Snapshot().Volume);

        session.Apply(Ticks(null, TestMarket.Spot(12, 24400, nextDay, 3)));
        Assert.Equal(24300, session.Snapshot().PrevClose);
        Assert.Equal(3, session.Snapshot().Volume);
    }

    [Fact]
    public void Watermarks_are_captured_into_state_and_restored()
    {
        var state = new UnderlyingState();
        var session = new UnderlyingSession("NIFTY", Nse, state);
        session.Apply(Ticks("a", TestMarket.Spot(100, 24300, Now, 1)));
        session.Apply(Ticks("b", TestMarket.Spot(3, 24310, Now, 1)));
        session.CaptureSequences();

        var restored = new UnderlyingSession("NIFTY", Nse, state);
        Assert.Equal(new TickOutcome(0, 1, 0, 0), restored.Apply(Ticks("a", TestMarket.Spot(100, 1, Now))));
        Assert.Equal(new TickOutcome(0, 1, 0, 0), restored.Apply(Ticks("b", TestMarket.Spot(3, 1, Now))));
        Assert.Equal(new TickOutcome(1, 0, 0, 0), restored.Apply(Ticks("b", TestMarket.Spot(4, 24320, Now, 1))));
        Assert.Equal(3, restored.Snapshot().Volume);
    }

    [Fact]
    public void The_trading_day_rolls_at_the_pre_open_not_at_midnight_and_a_weekend_or_holiday_tick_stays_in_the_last_session()
    {
        var session = new UnderlyingSession("NIFTY", Nse, new UnderlyingState());
        // Friday 2026-11-27 15:00 IST, then Saturday, then Monday 08:59 IST: all Friday's trading day.
        session.Apply(Ticks(null, TestMarket.Spot(1, 24300, new DateTime(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc), 5)));
        session.Apply(Ticks(null, TestMarket.Spot(2, 24310, new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc), 1)));
        session.Apply(Ticks(null, TestMarket.Spot(3, 24320, new DateTime(2026, 11, 30, 3, 29, 0, DateTimeKind.Utc), 1)));
        Assert.Equal((new DateOnly(2026, 11, 27), 7L, (double?)null), (session.State.SessionDate!.Value, session.Snapshot().Volume, session.Snapshot().PrevClose));

        // Monday 09:00 IST: the pre-open starts Monday's trading day.
        session.Apply(Ticks(null, TestMarket.Spot(4, 24400, new DateTime(2026, 11, 30, 3, 30, 0, DateTimeKind.Utc), 2)));
        Assert.Equal((new DateOnly(2026, 11, 30), 2L, (double?)24320), (session.State.SessionDate!.Value, session.Snapshot().Volume, session.Snapshot().PrevClose));

        // Thursday 2026-11-26 (a trading day) to Wednesday 2026-11-25 is earlier: nothing rolls back.
        session.Apply(Ticks(null, TestMarket.Spot(5, 24500, new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc), 1)));
        Assert.Equal(new DateOnly(2026, 11, 30), session.State.SessionDate!.Value);
    }

    [Fact]
    public void A_holiday_belongs_to_the_trading_day_before_it()
    {
        var session = new UnderlyingSession("NIFTY", Nse, new UnderlyingState());
        // 2026-11-24 (Guru Nanak Jayanti) is an NSE holiday: its ticks stay in Monday 2026-11-23's session.
        session.Apply(Ticks(null, TestMarket.Spot(1, 24300, new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), 1)));
        session.Apply(Ticks(null, TestMarket.Spot(2, 24310, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), 1)));
        Assert.Equal(new DateOnly(2026, 11, 23), session.State.SessionDate!.Value);

        session.Apply(Ticks(null, TestMarket.Spot(3, 24320, new DateTime(2026, 11, 25, 3, 31, 0, DateTimeKind.Utc), 1)));
        Assert.Equal(new DateOnly(2026, 11, 25), session.State.SessionDate!.Value);
    }
}
