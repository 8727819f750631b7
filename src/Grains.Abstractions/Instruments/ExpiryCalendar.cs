namespace DeltaStream.Instruments;

/// <summary>
/// Expiry dates from an instrument's rule, and time to expiry in ACT/365 years to the settlement instant in
/// the exchange's time zone. Exchange holidays are not modelled.
/// </summary>
public static class ExpiryCalendar
{
    private const double DaysPerYear = 365.0;

    /// <summary>The next <see cref="InstrumentDefinition.ExpiryCount"/> expiries that have not settled at <paramref name="utcNow"/>.</summary>
    public static IReadOnlyList<DateOnly> UpcomingExpiries(InstrumentDefinition instrument, DateTime utcNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        var result = new List<DateOnly>(instrument.ExpiryCount);
        var candidate = localToday;
        while (result.Count < instrument.ExpiryCount)
        {
            var next = NextOnOrAfter(instrument, candidate);
            if (SettlementUtc(instrument, next, zone) > utcNow)
            {
                result.Add(next);
            }

            candidate = next.AddDays(1);
        }

        return result;
    }

    public static DateTime SettlementUtc(InstrumentDefinition instrument, DateOnly expiry) =>
        SettlementUtc(instrument, expiry, TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone));

    /// <summary>ACT/365 years from <paramref name="utcNow"/> to settlement; zero or negative once settled.</summary>
    public static double YearsToExpiry(DateTime settlementUtc, DateTime utcNow) =>
        (settlementUtc - utcNow).TotalDays / DaysPerYear;

    private static DateTime SettlementUtc(InstrumentDefinition instrument, DateOnly expiry, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(expiry.ToDateTime(instrument.SettlementTime, DateTimeKind.Unspecified), zone);

    private static DateOnly NextOnOrAfter(InstrumentDefinition instrument, DateOnly date)
    {
        if (instrument.ExpiryFrequency == ExpiryFrequency.Weekly)
        {
            return date.AddDays(((int)instrument.ExpiryDay - (int)date.DayOfWeek + 7) % 7);
        }

        var month = new DateOnly(date.Year, date.Month, 1);
        while (true)
        {
            var last = LastWeekdayOfMonth(month, instrument.ExpiryDay);
            if (last >= date)
            {
                return last;
            }

            month = month.AddMonths(1);
        }
    }

    private static DateOnly LastWeekdayOfMonth(DateOnly firstOfMonth, DayOfWeek day)
    {
        var last = firstOfMonth.AddMonths(1).AddDays(-1);
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
