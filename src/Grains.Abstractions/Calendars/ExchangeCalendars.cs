using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace DeltaStream.Calendars;

/// <summary>The exchange calendars by market name (case-insensitive): the embedded defaults with configuration merged over them.</summary>
public sealed class ExchangeCalendars
{
    private readonly Dictionary<string, ExchangeCalendar> byMarket;

    public ExchangeCalendars(IOptions<ExchangeCalendarOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    private ExchangeCalendars(ExchangeCalendarOptions configured)
    {
        // Validated here as well, so a caller without the options pipeline cannot build a calendar from bad data.
        var result = new ExchangeCalendarOptionsValidator().Validate(null, configured);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(ExchangeCalendarOptions), typeof(ExchangeCalendarOptions), result.Failures);
        }

        byMarket = CalendarMerge.Merge(EmbeddedCalendars.Options, configured)
            .ToDictionary(m => m.Key, m => new ExchangeCalendar(m.Key, m.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The embedded calendars alone, for code without configuration (tools, benchmarks, tests).</summary>
    public static ExchangeCalendars Default { get; } = new(new ExchangeCalendarOptions());

    public IReadOnlyCollection<ExchangeCalendar> All => byMarket.Values;

    public ExchangeCalendar Get(string market) =>
        TryGet(market, out var calendar) ? calendar : throw new KeyNotFoundException($"No exchange calendar for market '{market}'.");

    public bool TryGet(string market, [NotNullWhen(true)] out ExchangeCalendar? calendar) => byMarket.TryGetValue(market, out calendar);
}
