using DeltaStream.Calendars;

namespace DeltaStream.Instruments;

/// <summary>
/// Expiry dates from an instrument's rules and its exchange calendar, their settlement instants, and time to expiry.
/// A nominal expiry that is not a trading day moves to the previous trading day (Indian and US practice alike).
/// Settlement is at the instrument's <see cref="InstrumentDefinition.SettlementTime"/> on the (shifted) day in the
/// exchange's time zone, except on an early-close day, where it is the early close: the market stops trading then,
/// so the last price an expiring option can settle against is the early close's (e.g. US 13:00 ET on 2026-11-27).
/// </summary>
public static class ExpiryCalendar
{
    private const double DaysPerYear = 365.0;
    private const double TradingDaysPerYear = 252.0;

    /// <summary>
    /// The sorted union of each rule's next <see cref="ExpiryRuleDefinition.Count"/> expiries that have not settled at
    /// <paramref name="utcNow"/>, holiday-shifted.
    /// </summary>
    public static IReadOnlyList<DateOnly> UpcomingExpiries(InstrumentDefinition instrument, ExchangeCalendar calendar, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(calendar);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, calendar.Zone));
        var listed = new SortedSet<DateOnly>();
        foreach (var rule in instrument.Expiries)
        {
            var found = new HashSet<DateOnly>();
            foreach (var nominal in ExpiryRuleDates.From(rule, localToday))
            {
                var expiry = calendar.IsTradingDay(nominal) ? nominal : calendar.PreviousTradingDay(nominal);
                if (SettlementUtc(instrument, calendar, expiry) > utcNow)
                {
                    found.Add(expiry);
                }

                if (found.Count == rule.Count)
                {
                    break;
                }
            }

            listed.UnionWith(found);
        }

        return [.. listed];
    }

    /// <summary>
    /// The settlement instant of <paramref name="expiry"/>: <see cref="InstrumentDefinition.SettlementTime"/> local
    /// time, or the early close when that day closes earlier.
    /// </summary>
    public static DateTime SettlementUtc(InstrumentDefinition instrument, ExchangeCalendar calendar, DateOnly expiry)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(calendar);
        var settlement = TimeZoneInfo.ConvertTimeToUtc(expiry.ToDateTime(instrument.SettlementTime, DateTimeKind.Unspecified), calendar.Zone);
        return calendar.Session(expiry) is { EarlyClose: true } session && session.CloseUtc < settlement ? session.CloseUtc : settlement;
    }

    /// <summary>
    /// Years from <paramref name="utcNow"/> to settlement in the instrument's <see cref="InstrumentDefinition.TimeBasis"/>;
    /// zero or negative once settled. Act365: (settlement - now) in days / 365. TradingTime: minutes of regular
    /// sessions from now to settlement (<see cref="ExchangeCalendar.TradingMinutesBetween"/>: weekends and holidays
    /// count nothing, early closes count short) / (252 x the full regular session's minutes), so a year is 252 full sessions.
    /// </summary>
    public static double YearsToExpiry(InstrumentDefinition instrument, ExchangeCalendar calendar, DateTime settlementUtc, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(calendar);
        return instrument.TimeBasis == TimeBasis.TradingTime
            ? calendar.TradingMinutesBetween(utcNow, settlementUtc) / (TradingDaysPerYear * calendar.RegularSessionMinutes)
            : YearsToExpiry(settlementUtc, utcNow);
    }

    /// <summary>Days in a year of <paramref name="basis"/>: 365 calendar days, or 252 sessions; a per-day theta is theta over this.</summary>
    public static double DaysPerYearOf(TimeBasis basis) => basis == TimeBasis.TradingTime ? TradingDaysPerYear : DaysPerYear;

    /// <summary>ACT/365 years from <paramref name="utcNow"/> to settlement; zero or negative once settled. Cheap, for hot paths.</summary>
    public static double YearsToExpiry(DateTime settlementUtc, DateTime utcNow) =>
        (settlementUtc - utcNow).TotalDays / DaysPerYear;
}
