using System.Globalization;
using Microsoft.Extensions.Options;

namespace DeltaStream.Calendars;

/// <summary>
/// Rejects, at start-up, calendars that would give wrong sessions: checked after merging over the embedded defaults,
/// so a configured market is judged as it will be used.
/// </summary>
public sealed class ExchangeCalendarOptionsValidator : IValidateOptions<ExchangeCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (market, definition) in CalendarMerge.Merge(EmbeddedCalendars.Options, options))
        {
            ValidateSession(market, definition, failures);
            ValidateClosures(market, definition, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSession(string market, MarketCalendarDefinition definition, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(definition.TimeZone))
        {
            failures.Add($"{market}: TimeZone is required.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(definition.TimeZone, out _))
        {
            failures.Add($"{market}: unknown time zone '{definition.TimeZone}'.");
        }

        if (definition.Open is not { } open || definition.Close is not { } close)
        {
            failures.Add($"{market}: Open and Close are required.");
            return;
        }

        if (close <= open)
        {
            failures.Add($"{market}: Close ({close:HH:mm}) must be after Open ({open:HH:mm}).");
        }

        if (definition.PreOpen is { } preOpen && preOpen >= open)
        {
            failures.Add($"{market}: PreOpen ({preOpen:HH:mm}) must be before Open ({open:HH:mm}).");
        }

        if (string.IsNullOrWhiteSpace(definition.Source))
        {
            failures.Add($"{market}: Source is required: name the circular or notice the lists come from.");
        }
    }

    private static void ValidateClosures(string market, MarketCalendarDefinition definition, List<string> failures)
    {
        if (definition.Years.Count == 0)
        {
            failures.Add($"{market}: Years must list at least one covered year.");
        }

        failures.AddRange(definition.Years.GroupBy(y => y).Where(g => g.Count() > 1).Select(g => $"{market}: year {g.Key} is listed more than once."));
        var years = string.Join(", ", definition.Years.Order());
        var covered = definition.Years.ToHashSet();
        foreach (var holiday in definition.Holidays.Where(h => !covered.Contains(h.Date.Year)))
        {
            failures.Add($"{market}: holiday {Format(holiday.Date)} ({holiday.Name}) is outside the covered years ({years}).");
        }

        foreach (var earlyClose in definition.EarlyCloses.Where(e => !covered.Contains(e.Date.Year)))
        {
            failures.Add($"{market}: early close {Format(earlyClose.Date)} ({earlyClose.Name}) is outside the covered years ({years}).");
        }

        failures.AddRange(definition.Holidays.Where(h => string.IsNullOrWhiteSpace(h.Name)).Select(h => $"{market}: holiday {Format(h.Date)} needs a name."));
        failures.AddRange(definition.Holidays.GroupBy(h => h.Date).Where(g => g.Count() > 1).Select(g => $"{market}: holiday {Format(g.Key)} is listed more than once."));
        failures.AddRange(definition.EarlyCloses.GroupBy(e => e.Date).Where(g => g.Count() > 1).Select(g => $"{market}: early close {Format(g.Key)} is listed more than once."));
        var holidays = definition.Holidays.Select(h => h.Date).ToHashSet();
        failures.AddRange(definition.EarlyCloses.Where(e => holidays.Contains(e.Date)).Select(e => $"{market}: {Format(e.Date)} is listed both as a holiday and as an early close."));
        if (definition is { Open: { } open, Close: { } close })
        {
            failures.AddRange(definition.EarlyCloses.Where(e => e.Close <= open || e.Close >= close)
                .Select(e => $"{market}: early close {Format(e.Date)} at {e.Close:HH:mm} must fall inside the regular session ({open:HH:mm}-{close:HH:mm})."));
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
