using DeltaStream.Instruments;

namespace DeltaStream.Tests;

public sealed class ExpiryCalendarTests
{
    private static InstrumentDefinition Default(string symbol) => DefaultInstruments.Create().Single(i => i.Symbol == symbol);

    [Fact]
    public void Nifty_expires_weekly_on_tuesday_and_an_expiry_is_listed_until_it_settles_at_1530_india_time()
    {
        var nifty = Default("NIFTY");
        // Tuesday 2026-12-01 10:00 UTC is 15:30 in Kolkata.
        Assert.Equal(new DateOnly(2026, 12, 1), ExpiryCalendar.UpcomingExpiries(nifty, new DateTime(2026, 12, 1, 9, 59, 59, DateTimeKind.Utc))[0]);
        var after = ExpiryCalendar.UpcomingExpiries(nifty, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 29)], after);
    }

    [Fact]
    public void Banknifty_expires_on_the_last_tuesday_of_each_month()
    {
        var expiries = ExpiryCalendar.UpcomingExpiries(Default("BANKNIFTY"), new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal([new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 26), new DateOnly(2027, 2, 23), new DateOnly(2027, 3, 30)], expiries);
    }

    [Fact]
    public void Sensex_expires_on_thursdays_and_us_symbols_on_fridays()
    {
        var now = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        Assert.All(ExpiryCalendar.UpcomingExpiries(Default("SENSEX"), now), d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
        Assert.All(ExpiryCalendar.UpcomingExpiries(Default("SPY"), now), d => Assert.Equal(DayOfWeek.Friday, d.DayOfWeek));
    }

    [Fact]
    public void Time_to_expiry_is_act_365_to_the_settlement_instant_across_a_daylight_saving_change()
    {
        var spy = Default("SPY");
        // 2027-03-19 16:00 New York is EDT (UTC-4): 20:00 UTC.
        var settlement = ExpiryCalendar.SettlementUtc(spy, new DateOnly(2027, 3, 19));
        Assert.Equal(new DateTime(2027, 3, 19, 20, 0, 0, DateTimeKind.Utc), settlement);
        Assert.Equal(1.0 / 365.0, ExpiryCalendar.YearsToExpiry(settlement, settlement.AddDays(-1)), 15);
        Assert.True(ExpiryCalendar.YearsToExpiry(settlement, settlement.AddSeconds(1)) < 0);
    }

    [Fact]
    public void The_validator_rejects_duplicates_bad_fields_and_unknown_time_zones()
    {
        var options = new InstrumentCatalogOptions
        {
            Instruments = [Default("NIFTY"), Default("NIFTY"), new InstrumentDefinition { Symbol = "bad symbol", BasePrice = -1, StrikeStep = 1, TimeZone = "Mars/Olympus" },
                new InstrumentDefinition { Symbol = "NARROW", BasePrice = 100, StrikeStep = 1, StrikesEachSide = 20, LadderStrikesEachSide = 10 }],
        };

        var result = new InstrumentCatalogOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("listed more than once", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("BasePrice", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Symbol must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("NARROW: LadderStrikesEachSide (10) must be at least StrikesEachSide (20)", StringComparison.Ordinal));
    }
}
