using DeltaStream.Calendars;

namespace DeltaStream.Tests;

public sealed class ExchangeCalendarTests
{
    private static readonly ExchangeCalendar Nse = ExchangeCalendars.Default.Get("NSE");
    private static readonly ExchangeCalendar Us = ExchangeCalendars.Default.Get("US");

    [Fact]
    public void Nse_2026_holidays_are_the_published_list_with_the_civic_election_closure()
    {
        MarketHoliday[] expected =
        [
            new(new(2026, 1, 15), "Municipal Corporation Election in Maharashtra"),
            new(new(2026, 1, 26), "Republic Day"),
            new(new(2026, 3, 3), "Holi"),
            new(new(2026, 3, 26), "Shri Ram Navami"),
            new(new(2026, 3, 31), "Shri Mahavir Jayanti"),
            new(new(2026, 4, 3), "Good Friday"),
            new(new(2026, 4, 14), "Dr. Baba Saheb Ambedkar Jayanti"),
            new(new(2026, 5, 1), "Maharashtra Day"),
            new(new(2026, 5, 28), "Bakri Id"),
            new(new(2026, 6, 26), "Muharram"),
            new(new(2026, 9, 14), "Ganesh Chaturthi"),
            new(new(2026, 10, 2), "Mahatma Gandhi Jayanti"),
            new(new(2026, 10, 20), "Dussehra"),
            new(new(2026, 11, 10), "Diwali Balipratipada"),
            new(new(2026, 11, 24), "Prakash Gurpurb Sri Guru Nanak Dev"),
            new(new(2026, 12, 25), "Christmas"),
        ];

        Assert.Equal(expected, Nse.Holidays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(expected, ExchangeCalendars.Default.Get("BSE").Holidays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Us_early_closes_end_the_session_at_1300_new_york_time()
    {
        Assert.Equal(
            [new MarketEarlyClose(new(2026, 11, 27), new(13, 0), "Day after Thanksgiving"), new MarketEarlyClose(new(2026, 12, 24), new(13, 0), "Christmas Eve")],
            Us.EarlyCloses(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

        var session = Us.Session(new DateOnly(2026, 11, 27))!;
        Assert.True(session.EarlyClose);
        Assert.Null(session.PreOpenUtc);
        Assert.Equal(Utc(2026, 11, 27, 14, 30), session.OpenUtc);
        Assert.Equal(Utc(2026, 11, 27, 18, 0), session.CloseUtc);
    }

    [Fact]
    public void Nse_sessions_have_a_pre_open_from_0900_and_trade_0915_to_1530_india_time()
    {
        var session = Nse.Session(new DateOnly(2026, 12, 7))!;

        Assert.Equal(new TradingSession(new(2026, 12, 7), Utc(2026, 12, 7, 3, 30), Utc(2026, 12, 7, 3, 45), Utc(2026, 12, 7, 10, 0), false), session);
        Assert.Null(Nse.Session(new DateOnly(2026, 11, 24)));
        Assert.Null(Nse.Session(new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void Status_on_a_saturday_is_closed_for_the_weekend_until_monday_and_belongs_to_friday()
    {
        var status = Nse.StatusAt(Utc(2026, 12, 5, 6, 0));

        Assert.Equal(new MarketStatus("NSE", MarketState.Closed, "weekend", Utc(2026, 12, 7, 3, 45), Utc(2026, 12, 7, 10, 0), new(2026, 12, 4)), status);
    }

    [Fact]
    public void Status_on_an_nse_holiday_names_it_and_points_at_the_next_session()
    {
        var status = Nse.StatusAt(Utc(2026, 11, 24, 6, 0));

        Assert.Equal(new MarketStatus("NSE", MarketState.Closed, "holiday: Prakash Gurpurb Sri Guru Nanak Dev", Utc(2026, 11, 25, 3, 45), Utc(2026, 11, 25, 10, 0), new(2026, 11, 23)), status);
    }

    [Fact]
    public void Status_through_an_nse_day_goes_before_open_pre_open_open_and_after_hours()
    {
        var today = new DateOnly(2026, 12, 7);
        var next = Utc(2026, 12, 8, 3, 45);

        // 08:30, 09:05, 10:30 and 15:30 India time.
        Assert.Equal(new MarketStatus("NSE", MarketState.Closed, "beforeOpen", Utc(2026, 12, 7, 3, 45), Utc(2026, 12, 7, 10, 0), new(2026, 12, 4)), Nse.StatusAt(Utc(2026, 12, 7, 3, 0)));
        Assert.Equal(new MarketStatus("NSE", MarketState.PreOpen, null, Utc(2026, 12, 7, 3, 45), Utc(2026, 12, 7, 10, 0), today), Nse.StatusAt(Utc(2026, 12, 7, 3, 35)));
        Assert.Equal(new MarketStatus("NSE", MarketState.Open, null, next, Utc(2026, 12, 7, 10, 0), today), Nse.StatusAt(Utc(2026, 12, 7, 5, 0)));
        Assert.Equal(new MarketStatus("NSE", MarketState.Closed, "afterHours", next, Utc(2026, 12, 8, 10, 0), today), Nse.StatusAt(Utc(2026, 12, 7, 10, 0)));
    }

    [Fact]
    public void Us_status_follows_new_york_time_across_the_march_daylight_saving_weekend()
    {
        // Friday 2026-03-06 closes at 16:00 EST (21:00 UTC); clocks go forward on Sunday 03-08, so Monday opens at 09:30 EDT (13:30 UTC).
        Assert.Equal(Utc(2026, 3, 6, 21, 0), Us.Session(new DateOnly(2026, 3, 6))!.CloseUtc);
        var sunday = Us.StatusAt(Utc(2026, 3, 8, 12, 0));
        Assert.Equal(new MarketStatus("US", MarketState.Closed, "weekend", Utc(2026, 3, 9, 13, 30), Utc(2026, 3, 9, 20, 0), new(2026, 3, 6)), sunday);
        Assert.Equal(MarketState.Closed, Us.StatusAt(Utc(2026, 3, 9, 13, 29)).State);
        Assert.Equal(MarketState.Open, Us.StatusAt(Utc(2026, 3, 9, 13, 30)).State);
    }

    [Fact]
    public void Us_status_follows_new_york_time_across_the_november_daylight_saving_weekend()
    {
        // Friday 2026-10-30 closes at 16:00 EDT (20:00 UTC); clocks go back on Sunday 11-01, so Monday opens at 09:30 EST (14:30 UTC).
        Assert.Equal(Utc(2026, 10, 30, 20, 0), Us.Session(new DateOnly(2026, 10, 30))!.CloseUtc);
        var sunday = Us.StatusAt(Utc(2026, 11, 1, 12, 0));
        Assert.Equal(new MarketStatus("US", MarketState.Closed, "weekend", Utc(2026, 11, 2, 14, 30), Utc(2026, 11, 2, 21, 0), new(2026, 10, 30)), sunday);
        Assert.Equal(MarketState.Closed, Us.StatusAt(Utc(2026, 11, 2, 14, 29)).State);
        Assert.Equal(MarketState.Open, Us.StatusAt(Utc(2026, 11, 2, 14, 30)).State);
    }

    [Fact]
    public void The_trading_day_rolls_at_the_session_start_not_at_midnight()
    {
        // NSE: 00:30, 08:59 and 09:00 India time on Tuesday 2026-12-08; the pre-open starts the day.
        Assert.Equal(new DateOnly(2026, 12, 7), Nse.TradingDayAt(Utc(2026, 12, 7, 19, 0)));
        Assert.Equal(new DateOnly(2026, 12, 7), Nse.TradingDayAt(Utc(2026, 12, 8, 3, 29)));
        Assert.Equal(new DateOnly(2026, 12, 8), Nse.TradingDayAt(Utc(2026, 12, 8, 3, 30)));

        // US has no pre-open: 09:29 and 09:30 New York time.
        Assert.Equal(new DateOnly(2026, 12, 7), Us.TradingDayAt(Utc(2026, 12, 8, 14, 29)));
        Assert.Equal(new DateOnly(2026, 12, 8), Us.TradingDayAt(Utc(2026, 12, 8, 14, 30)));

        // A holiday belongs to the trading day before it: Monday 2026-11-23 for Tuesday's Guru Nanak Dev holiday.
        Assert.Equal(new DateOnly(2026, 11, 23), Nse.TradingDayAt(Utc(2026, 11, 24, 12, 0)));
    }

    [Fact]
    public void Trading_minutes_count_only_regular_sessions_skipping_weekends_and_holidays()
    {
        // Friday 15:00 to Monday 09:45 India time: 30 + 30 minutes.
        Assert.Equal(60, Nse.TradingMinutesBetween(Utc(2026, 12, 4, 9, 30), Utc(2026, 12, 7, 4, 15)), 9);

        // Monday 11-23 15:00 to Wednesday 11-25 09:45 across Tuesday's holiday: 30 + 0 + 30.
        Assert.Equal(60, Nse.TradingMinutesBetween(Utc(2026, 11, 23, 9, 30), Utc(2026, 11, 25, 4, 15)), 9);

        // The pre-open is not trading time: 09:00 to 09:15 India time counts nothing.
        Assert.Equal(0, Nse.TradingMinutesBetween(Utc(2026, 12, 7, 3, 30), Utc(2026, 12, 7, 3, 45)), 9);

        // US Wednesday 11-25 15:00 ET to Friday 11-27 16:00 ET: 60 + Thanksgiving 0 + 09:30-13:00 early close 210; reversed it is negative.
        Assert.Equal(270, Us.TradingMinutesBetween(Utc(2026, 11, 25, 20, 0), Utc(2026, 11, 27, 21, 0)), 9);
        Assert.Equal(-270, Us.TradingMinutesBetween(Utc(2026, 11, 27, 21, 0), Utc(2026, 11, 25, 20, 0)), 9);
    }

    [Fact]
    public void Next_and_previous_trading_days_step_over_weekends_and_holidays()
    {
        Assert.Equal(new DateOnly(2026, 11, 25), Nse.NextTradingDay(new DateOnly(2026, 11, 23)));
        Assert.Equal(new DateOnly(2026, 4, 2), Us.PreviousTradingDay(new DateOnly(2026, 4, 6)));
        Assert.Equal(new DateOnly(2026, 12, 31), Us.PreviousTradingDay(new DateOnly(2027, 1, 4)));
        Assert.Equal(
            [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 28)],
            Us.Sessions(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 28)).Select(s => s.Date));
    }

    [Fact]
    public void Weekdays_outside_the_covered_years_trade_the_regular_session()
    {
        var newYear2030 = new DateOnly(2030, 1, 1);

        Assert.True(Us.Covers(new DateOnly(2027, 6, 1)));
        Assert.False(Us.Covers(newYear2030));
        Assert.True(Us.IsTradingDay(newYear2030));
        Assert.Equal(Utc(2030, 1, 1, 21, 0), Us.Session(newYear2030)!.CloseUtc);
        Assert.False(Us.IsTradingDay(new DateOnly(2030, 1, 5)));
    }

    [Fact]
    public void The_registry_finds_markets_case_insensitively_and_names_an_unknown_one()
    {
        Assert.True(ExchangeCalendars.Default.TryGet("nse", out var nse));
        Assert.Equal("NSE", nse.Market);
        Assert.Equal(["BSE", "NSE", "US"], ExchangeCalendars.Default.All.Select(c => c.Market).Order());
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata").Id, nse.Zone.Id);
        var error = Assert.Throws<KeyNotFoundException>(() => ExchangeCalendars.Default.Get("LSE"));
        Assert.Contains("'LSE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provisional_2027_indian_list_says_so_in_its_source()
    {
        Assert.Contains("PROVISIONAL", Nse.Source, StringComparison.Ordinal);
        Assert.Contains("NSE/CMTR/72260", Nse.Source, StringComparison.Ordinal);
        Assert.Contains("NYSE Group Announces 2026, 2027 and 2028", Us.Source, StringComparison.Ordinal);
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
