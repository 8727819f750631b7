namespace DeltaStream.Calendars;

/// <summary>Lays configured markets over the embedded ones (see <see cref="ExchangeCalendarOptions"/>).</summary>
internal static class CalendarMerge
{
    public static Dictionary<string, MarketCalendarDefinition> Merge(ExchangeCalendarOptions defaults, ExchangeCalendarOptions configured)
    {
        var merged = new Dictionary<string, MarketCalendarDefinition>(defaults.Markets, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, market) in configured.Markets)
        {
            merged[name] = merged.TryGetValue(name, out var baseline) ? Over(baseline, market) : market;
        }

        return merged;
    }

    private static MarketCalendarDefinition Over(MarketCalendarDefinition baseline, MarketCalendarDefinition overlay)
    {
        // A year the overlay lists is listed completely there, so the default's closures of that year go.
        var replaced = overlay.Years.ToHashSet();
        return new MarketCalendarDefinition
        {
            TimeZone = overlay.TimeZone ?? baseline.TimeZone,
            PreOpen = overlay.PreOpen ?? baseline.PreOpen,
            Open = overlay.Open ?? baseline.Open,
            Close = overlay.Close ?? baseline.Close,
            Years = [.. baseline.Years.Where(y => !replaced.Contains(y)), .. overlay.Years],
            Holidays = [.. baseline.Holidays.Where(h => !replaced.Contains(h.Date.Year)), .. overlay.Holidays],
            EarlyCloses = [.. baseline.EarlyCloses.Where(e => !replaced.Contains(e.Date.Year)), .. overlay.EarlyCloses],
            Source = overlay.Source is null ? baseline.Source : $"{baseline.Source} Configured: {overlay.Source}",
        };
    }
}
