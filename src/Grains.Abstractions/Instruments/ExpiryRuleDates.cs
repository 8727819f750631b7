namespace DeltaStream.Instruments;

/// <summary>The nominal dates of an expiry rule, before any holiday shift.</summary>
internal static class ExpiryRuleDates
{
    /// <summary>The rule's nominal dates on or after <paramref name="from"/>, in order, without end.</summary>
    public static IEnumerable<DateOnly> From(ExpiryRuleDefinition rule, DateOnly from)
    {
        if (rule.Kind == ExpiryRuleKind.Daily)
        {
            for (var day = from; ; day = day.AddDays(1))
            {
                yield return day;
            }
        }

        if (rule.Kind == ExpiryRuleKind.Weekly)
        {
            for (var day = from.AddDays(((int)rule.Day - (int)from.DayOfWeek + 7) % 7); ; day = day.AddDays(7))
            {
                yield return day;
            }
        }

        for (var month = new DateOnly(from.Year, from.Month, 1); ; month = month.AddMonths(1))
        {
            var day = rule.Kind == ExpiryRuleKind.MonthlyLast ? LastInMonth(month, rule.Day) : FirstInMonth(month, rule.Day).AddDays(14);
            if (day >= from)
            {
                yield return day;
            }
        }
    }

    private static DateOnly FirstInMonth(DateOnly firstOfMonth, DayOfWeek day) =>
        firstOfMonth.AddDays(((int)day - (int)firstOfMonth.DayOfWeek + 7) % 7);

    private static DateOnly LastInMonth(DateOnly firstOfMonth, DayOfWeek day)
    {
        var last = firstOfMonth.AddMonths(1).AddDays(-1);
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
