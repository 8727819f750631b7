using DeltaStream.Time;
using System.Diagnostics.CodeAnalysis;
using DeltaStream.Calendars;
using Microsoft.Extensions.Options;

namespace DeltaStream.Instruments;

/// <summary>The listed instruments, looked up case-insensitively, with their exchange calendars and their expiries at the current time.</summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, InstrumentDefinition> bySymbol;
    private readonly MarketClock clock;

    public InstrumentCatalog(IOptions<InstrumentCatalogOptions> options, ExchangeCalendars calendars, MarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Instruments;
        All = configured.Count > 0 ? configured : DefaultInstruments.Create();
        bySymbol = All.ToDictionary(i => i.Symbol, StringComparer.OrdinalIgnoreCase);
        Calendars = calendars;
        this.clock = clock;
    }

    public IReadOnlyList<InstrumentDefinition> All { get; }

    public ExchangeCalendars Calendars { get; }

    public bool TryGet(string symbol, [NotNullWhen(true)] out InstrumentDefinition? instrument) =>
        bySymbol.TryGetValue(symbol, out instrument);

    /// <summary>The calendar of the instrument's market (validated to exist at start-up).</summary>
    public ExchangeCalendar Calendar(InstrumentDefinition instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Calendars.Get(instrument.Market);
    }

    public IReadOnlyList<DateOnly> Expiries(InstrumentDefinition instrument) =>
        Expiries(instrument, clock.GetUtcNow().UtcDateTime);

    /// <summary>The expiries listed at <paramref name="utc"/>: those not settled then.</summary>
    public IReadOnlyList<DateOnly> Expiries(InstrumentDefinition instrument, DateTime utc) =>
        ExpiryCalendar.UpcomingExpiries(instrument, Calendar(instrument), utc);

    /// <summary>When <paramref name="expiry"/> of <paramref name="instrument"/> settles (or settled): on its date's session, at its settlement time or an early close.</summary>
    public DateTime SettlementUtc(InstrumentDefinition instrument, DateOnly expiry) =>
        ExpiryCalendar.SettlementUtc(instrument, Calendar(instrument), expiry);

    public bool IsListed(InstrumentDefinition instrument, DateOnly expiry) => Expiries(instrument).Contains(expiry);
}
