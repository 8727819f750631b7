using DeltaStream.Calendars;
using DeltaStream.Instruments;

namespace DeltaStream.Tests;

/// <summary>
/// A whole year of expiries per default instrument against tables written from the exchanges' 2026 holiday lists:
/// every holiday-shifted expiry is spelled out with its nominal date.
/// </summary>
public sealed class ExpiryRuleTests
{
    private static readonly ExchangeCalendars Calendars = ExchangeCalendars.Default;

    [Fact]
    public void Nifty_2026_weekly_tuesday_expiries_move_to_the_monday_before_each_nse_holiday()
    {
        DateOnly[] expected =
        [
            D(1, 6), D(1, 13), D(1, 20), D(1, 27), D(2, 3), D(2, 10), D(2, 17), D(2, 24),
            D(3, 2) /* Tue 3-3 Holi */, D(3, 10), D(3, 17), D(3, 24), D(3, 30) /* Tue 3-31 Mahavir Jayanti */,
            D(4, 7), D(4, 13) /* Tue 4-14 Ambedkar Jayanti */, D(4, 21), D(4, 28), D(5, 5), D(5, 12), D(5, 19), D(5, 26),
            D(6, 2), D(6, 9), D(6, 16), D(6, 23), D(6, 30), D(7, 7), D(7, 14), D(7, 21), D(7, 28),
            D(8, 4), D(8, 11), D(8, 18), D(8, 25), D(9, 1), D(9, 8), D(9, 15), D(9, 22), D(9, 29),
            D(10, 6), D(10, 13), D(10, 19) /* Tue 10-20 Dussehra */, D(10, 27), D(11, 3), D(11, 9) /* Tue 11-10 Diwali Balipratipada */,
            D(11, 17), D(11, 23) /* Tue 11-24 Guru Nanak Dev */, D(12, 1), D(12, 8), D(12, 15), D(12, 22), D(12, 29),
        ];

        Assert.Equal(expected, ExpiriesIn2026("NIFTY", Rule(ExpiryRuleKind.Weekly, DayOfWeek.Tuesday)));
    }

    [Fact]
    public void Banknifty_and_finnifty_2026_monthly_expiries_are_the_last_tuesdays_shifted_before_holidays()
    {
        DateOnly[] expected =
        [
            D(1, 27), D(2, 24), D(3, 30) /* Tue 3-31 Mahavir Jayanti */, D(4, 28), D(5, 26), D(6, 30),
            D(7, 28), D(8, 25), D(9, 29), D(10, 27), D(11, 23) /* Tue 11-24 Guru Nanak Dev */, D(12, 29),
        ];

        Assert.Equal(expected, ExpiriesIn2026("BANKNIFTY", Rule(ExpiryRuleKind.MonthlyLast, DayOfWeek.Tuesday)));
        Assert.Equal(expected, ExpiriesIn2026("FINNIFTY", Rule(ExpiryRuleKind.MonthlyLast, DayOfWeek.Tuesday)));
    }

    [Fact]
    public void Sensex_2026_weekly_thursday_expiries_move_to_the_wednesday_before_each_bse_holiday()
    {
        DateOnly[] expected =
        [
            D(1, 1), D(1, 8), D(1, 14) /* Thu 1-15 Municipal Corporation Election */, D(1, 22), D(1, 29), D(2, 5), D(2, 12), D(2, 19),
            D(2, 26), D(3, 5), D(3, 12), D(3, 19), D(3, 25) /* Thu 3-26 Ram Navami */, D(4, 2), D(4, 9), D(4, 16),
            D(4, 23), D(4, 30), D(5, 7), D(5, 14), D(5, 21), D(5, 27) /* Thu 5-28 Bakri Id */, D(6, 4), D(6, 11),
            D(6, 18), D(6, 25), D(7, 2), D(7, 9), D(7, 16), D(7, 23), D(7, 30), D(8, 6),
            D(8, 13), D(8, 20), D(8, 27), D(9, 3), D(9, 10), D(9, 17), D(9, 24), D(10, 1),
            D(10, 8), D(10, 15), D(10, 22), D(10, 29), D(11, 5), D(11, 12), D(11, 19), D(11, 26),
            D(12, 3), D(12, 10), D(12, 17), D(12, 24), D(12, 31),
        ];

        Assert.Equal(expected, ExpiriesIn2026("SENSEX", Rule(ExpiryRuleKind.Weekly, DayOfWeek.Thursday)));
    }

    [Fact]
    public void Us_2026_weekly_friday_expiries_move_to_thursday_on_exchange_holidays_even_across_the_new_year()
    {
        DateOnly[] expected =
        [
            D(1, 2), D(1, 9), D(1, 16), D(1, 23), D(1, 30), D(2, 6), D(2, 13), D(2, 20),
            D(2, 27), D(3, 6), D(3, 13), D(3, 20), D(3, 27), D(4, 2) /* Fri 4-3 Good Friday */, D(4, 10), D(4, 17),
            D(4, 24), D(5, 1), D(5, 8), D(5, 15), D(5, 22), D(5, 29), D(6, 5), D(6, 12),
            D(6, 18) /* Fri 6-19 Juneteenth */, D(6, 26), D(7, 2) /* Fri 7-3 Independence Day observed */, D(7, 10), D(7, 17), D(7, 24), D(7, 31), D(8, 7),
            D(8, 14), D(8, 21), D(8, 28), D(9, 4), D(9, 11), D(9, 18), D(9, 25), D(10, 2),
            D(10, 9), D(10, 16), D(10, 23), D(10, 30), D(11, 6), D(11, 13), D(11, 20), D(11, 27),
            D(12, 4), D(12, 11), D(12, 18), D(12, 24) /* Fri 12-25 Christmas */, D(12, 31) /* Fri 2027-01-01 New Year's Day */,
        ];

        Assert.Equal(expected, ExpiriesIn2026("AAPL", Rule(ExpiryRuleKind.Weekly, DayOfWeek.Friday)));
        Assert.Equal(expected, ExpiriesIn2026("TSLA", Rule(ExpiryRuleKind.Weekly, DayOfWeek.Friday)));
    }

    [Fact]
    public void Us_monthly_expiries_are_third_fridays_moved_to_thursday_only_when_the_third_friday_is_a_holiday()
    {
        // Good Friday 2026-04-03 is the first Friday of April, so April's monthly stays on the 17th; Juneteenth
        // 2026-06-19 is June's third Friday. In 2027 Good Friday (03-26) is the fourth Friday: March stays on the 19th,
        // while Juneteenth observed (2027-06-18) is June's third Friday.
        DateOnly[] expected2026 =
        [
            D(1, 16), D(2, 20), D(3, 20), D(4, 17), D(5, 15), D(6, 18) /* Fri 6-19 Juneteenth */,
            D(7, 17), D(8, 21), D(9, 18), D(10, 16), D(11, 20), D(12, 18),
        ];
        DateOnly[] expected2027 =
        [
            new(2027, 1, 15), new(2027, 2, 19), new(2027, 3, 19), new(2027, 4, 16), new(2027, 5, 21), new(2027, 6, 17) /* Fri 6-18 Juneteenth observed */,
            new(2027, 7, 16), new(2027, 8, 20), new(2027, 9, 17), new(2027, 10, 15), new(2027, 11, 19), new(2027, 12, 17),
        ];

        var monthly = Rule(ExpiryRuleKind.MonthlyThird, DayOfWeek.Friday);
        Assert.Equal(expected2026, ExpiriesIn2026("SPY", monthly));
        Assert.Equal(expected2026, ExpiriesIn2026("QQQ", monthly));
        Assert.Equal(expected2027, Expiries("SPY", monthly, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Where(d => d.Year == 2027));
    }

    [Fact]
    public void Spy_lists_the_next_five_trading_days_and_three_monthlies_as_one_sorted_set()
    {
        var spy = Default("SPY");
        // Monday 2026-12-07 07:00 in New York.
        var listed = ExpiryCalendar.UpcomingExpiries(spy, Calendars.Get("US"), new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal([D(12, 7), D(12, 8), D(12, 9), D(12, 10), D(12, 11), D(12, 18), new(2027, 1, 15), new(2027, 2, 19)], listed);
    }

    [Fact]
    public void Daily_expiries_skip_weekends_and_holidays_and_the_weekly_and_monthly_ones_merge_without_duplicates()
    {
        // Wednesday 2026-12-23 17:00 in New York: that day's expiry has settled; 12-25 is Christmas, 2027-01-01 New Year's Day.
        var now = new DateTime(2026, 12, 23, 22, 0, 0, DateTimeKind.Utc);

        Assert.Equal(
            [D(12, 24), D(12, 28), D(12, 29), D(12, 30), D(12, 31), new(2027, 1, 15), new(2027, 2, 19), new(2027, 3, 19)],
            ExpiryCalendar.UpcomingExpiries(Default("QQQ"), Calendars.Get("US"), now));
        Assert.Equal(
            [D(12, 24), D(12, 31), new(2027, 1, 8), new(2027, 1, 15), new(2027, 2, 19), new(2027, 3, 19)],
            ExpiryCalendar.UpcomingExpiries(Default("AAPL"), Calendars.Get("US"), now));
    }

    [Fact]
    public void On_a_us_early_close_day_an_expiry_settles_at_the_1300_close_not_at_1600()
    {
        var aapl = Default("AAPL");
        var us = Calendars.Get("US");

        // 2026-11-27 and 2026-12-24 close at 13:00 EST = 18:00 UTC; a regular Friday settles at 16:00 EST = 21:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc), ExpiryCalendar.SettlementUtc(aapl, us, D(11, 27)));
        Assert.Equal(new DateTime(2026, 12, 24, 18, 0, 0, DateTimeKind.Utc), ExpiryCalendar.SettlementUtc(aapl, us, D(12, 24)));
        Assert.Equal(new DateTime(2026, 12, 4, 21, 0, 0, DateTimeKind.Utc), ExpiryCalendar.SettlementUtc(aapl, us, D(12, 4)));
    }

    [Fact]
    public void An_expiry_on_an_early_close_day_is_delisted_once_the_early_close_passes()
    {
        var aapl = Default("AAPL");
        var us = Calendars.Get("US");

        Assert.Contains(D(11, 27), ExpiryCalendar.UpcomingExpiries(aapl, us, new DateTime(2026, 11, 27, 17, 59, 0, DateTimeKind.Utc)));
        Assert.DoesNotContain(D(11, 27), ExpiryCalendar.UpcomingExpiries(aapl, us, new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc)));
    }

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static ExpiryRuleDefinition Rule(ExpiryRuleKind kind, DayOfWeek day) => new() { Kind = kind, Day = day, Count = 60 };

    private static InstrumentDefinition Default(string symbol) => DefaultInstruments.Create().Single(i => i.Symbol == symbol);

    /// <summary>Every expiry of one rule that falls in 2026, as listed from the start of the year.</summary>
    private static IEnumerable<DateOnly> ExpiriesIn2026(string symbol, ExpiryRuleDefinition rule) =>
        Expiries(symbol, rule, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Where(d => d.Year == 2026);

    private static IReadOnlyList<DateOnly> Expiries(string symbol, ExpiryRuleDefinition rule, DateTime utcNow)
    {
        var instrument = Default(symbol);
        instrument.Expiries = [rule];
        return ExpiryCalendar.UpcomingExpiries(instrument, Calendars.Get(instrument.Market), utcNow);
    }
}
