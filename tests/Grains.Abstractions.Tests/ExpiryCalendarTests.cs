using DeltaStream.Calendars;
using DeltaStream.Instruments;

namespace DeltaStream.Tests;

public sealed class ExpiryCalendarTests
{
    private static readonly ExchangeCalendars Calendars = ExchangeCalendars.Default;

    private static InstrumentDefinition Default(string symbol) => DefaultInstruments.Create().Single(i => i.Symbol == symbol);

    private static ExchangeCalendar CalendarOf(InstrumentDefinition instrument) => Calendars.Get(instrument.Market);

    [Fact]
    public void Nifty_expires_weekly_on_tuesday_and_an_expiry_is_listed_until_it_settles_at_1530_india_time()
    {
        var nifty = Default("NIFTY");
        // Tuesday 2026-12-01 10:00 UTC is 15:30 in Kolkata.
        Assert.Equal(new DateOnly(2026, 12, 1), ExpiryCalendar.UpcomingExpiries(nifty, CalendarOf(nifty), new DateTime(2026, 12, 1, 9, 59, 59, DateTimeKind.Utc))[0]);
        var after = ExpiryCalendar.UpcomingExpiries(nifty, CalendarOf(nifty), new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 29)], after);
    }

    [Fact]
    public void Banknifty_lists_three_monthly_expiries_and_republic_day_2027_moves_january_to_the_monday()
    {
        var banknifty = Default("BANKNIFTY");
        var expiries = ExpiryCalendar.UpcomingExpiries(banknifty, CalendarOf(banknifty), new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal([new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 25), new DateOnly(2027, 2, 23)], expiries);
    }

    [Fact]
    public void Sensex_expires_on_thursdays_and_us_single_stocks_on_fridays()
    {
        var now = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        var sensex = Default("SENSEX");
        var aapl = Default("AAPL");
        Assert.All(ExpiryCalendar.UpcomingExpiries(sensex, CalendarOf(sensex), now), d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
        Assert.All(ExpiryCalendar.UpcomingExpiries(aapl, CalendarOf(aapl), now), d => Assert.Equal(DayOfWeek.Friday, d.DayOfWeek));
    }

    [Fact]
    public void Time_to_expiry_is_act_365_to_the_settlement_instant_across_a_daylight_saving_change()
    {
        var spy = Default("SPY");
        // 2027-03-19 16:00 New York is EDT (UTC-4): 20:00 UTC.
        var settlement = ExpiryCalendar.SettlementUtc(spy, CalendarOf(spy), new DateOnly(2027, 3, 19));
        Assert.Equal(new DateTime(2027, 3, 19, 20, 0, 0, DateTimeKind.Utc), settlement);
        Assert.Equal(1.0 / 365.0, ExpiryCalendar.YearsToExpiry(settlement, settlement.AddDays(-1)), 15);
        Assert.Equal(1.0 / 365.0, ExpiryCalendar.YearsToExpiry(spy, CalendarOf(spy), settlement, settlement.AddDays(-1)), 15);
        Assert.True(ExpiryCalendar.YearsToExpiry(settlement, settlement.AddSeconds(1)) < 0);
    }

    [Fact]
    public void Trading_time_to_expiry_is_session_minutes_to_settlement_over_252_full_sessions()
    {
        var nifty = Default("NIFTY");
        nifty.TimeBasis = TimeBasis.TradingTime;
        var nse = CalendarOf(nifty);
        var settlement = ExpiryCalendar.SettlementUtc(nifty, nse, new DateOnly(2026, 12, 8));

        // Friday 2026-12-04 14:30 India time: 60 minutes that day, 375 on Monday, 375 on Tuesday to the 15:30 settlement.
        var years = ExpiryCalendar.YearsToExpiry(nifty, nse, settlement, new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(810.0 / (252 * 375), years, 15);
    }

    [Fact]
    public void Trading_time_skips_a_us_holiday_counts_the_early_close_short_and_is_not_positive_once_settled()
    {
        var aapl = Default("AAPL");
        aapl.TimeBasis = TimeBasis.TradingTime;
        var us = CalendarOf(aapl);
        var settlement = ExpiryCalendar.SettlementUtc(aapl, us, new DateOnly(2026, 11, 27));

        // Wednesday 11-25 15:00 ET: 60 minutes, Thanksgiving none, Friday 09:30-13:00 = 210.
        Assert.Equal(270.0 / (252 * 390), ExpiryCalendar.YearsToExpiry(aapl, us, settlement, new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc)), 15);
        // After the early close no session time is left (zero), and Monday's session counts against it.
        Assert.Equal(0, ExpiryCalendar.YearsToExpiry(aapl, us, settlement, settlement.AddMinutes(1)));
        Assert.Equal(-210.0 / (252 * 390), ExpiryCalendar.YearsToExpiry(aapl, us, settlement, settlement.AddDays(3)), 15);
    }

    [Fact]
    public void The_validator_rejects_duplicates_bad_fields_unknown_time_zones_and_markets_and_missing_expiry_rules()
    {
        var options = new InstrumentCatalogOptions
        {
            Instruments = [Default("NIFTY"), Default("NIFTY"), new InstrumentDefinition { Symbol = "bad symbol", BasePrice = -1, StrikeStep = 1, TimeZone = "Mars/Olympus", Market = "MOON" },
                new InstrumentDefinition { Symbol = "NARROW", BasePrice = 100, StrikeStep = 1, StrikesEachSide = 20, LadderStrikesEachSide = 10, Expiries = [new() { Count = 0 }] },
                new InstrumentDefinition { Symbol = "MUMBAI", BasePrice = 100, StrikeStep = 1, Market = "NSE", Expiries = [new()] }],
        };

        var result = new InstrumentCatalogOptionsValidator(Calendars).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("listed more than once", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("BasePrice", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Symbol must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("NARROW: LadderStrikesEachSide (10) must be at least StrikesEachSide (20)", StringComparison.Ordinal));
        Assert.Contains("bad symbol: unknown market 'MOON' (known: BSE, NSE, US).", result.Failures!);
        Assert.Contains("bad symbol: Expiries must list at least one rule.", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("NARROW: expiry rule Weekly:", StringComparison.Ordinal) && f.Contains("Count", StringComparison.Ordinal));
        Assert.Contains("MUMBAI: time zone 'America/New_York' differs from market NSE's 'Asia/Kolkata'.", result.Failures!);
    }

    [Fact]
    public void The_default_instruments_pass_validation()
    {
        var result = new InstrumentCatalogOptionsValidator(Calendars).Validate(null, new InstrumentCatalogOptions { Instruments = [.. DefaultInstruments.Create()] });

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures ?? []));
    }
}
