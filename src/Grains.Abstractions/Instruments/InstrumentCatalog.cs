using DeltaStream.Time;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace DeltaStream.Instruments;

/// <summary>The listed instruments, looked up case-insensitively, with their expiries at the current time.</summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, InstrumentDefinition> bySymbol;
    private readonly TimeProvider clock;

    public InstrumentCatalog(IOptions<InstrumentCatalogOptions> options, MarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Instruments;
        All = configured.Count > 0 ? configured : DefaultInstruments.Create();
        bySymbol = All.ToDictionary(i => i.Symbol, StringComparer.OrdinalIgnoreCase);
        this.clock = clock;
    }

    public IReadOnlyList<InstrumentDefinition> All { get; }

    public bool TryGet(string symbol, [NotNullWhen(true)] out InstrumentDefinition? instrument) =>
        bySymbol.TryGetValue(symbol, out instrument);

    public IReadOnlyList<DateOnly> Expiries(InstrumentDefinition instrument) =>
        Expiries(instrument, clock.GetUtcNow().UtcDateTime);

#pragma warning disable CA1822 // the exchange calendars (being merged) make these instance members
    /// <summary>The expiries listed at <paramref name="utc"/>: those not settled then.</summary>
    public IReadOnlyList<DateOnly> Expiries(InstrumentDefinition instrument, DateTime utc) =>
        ExpiryCalendar.UpcomingExpiries(instrument, utc);

    /// <summary>When <paramref name="expiry"/> of <paramref name="instrument"/> settles (or settled).</summary>
    public DateTime SettlementUtc(InstrumentDefinition instrument, DateOnly expiry) =>
        ExpiryCalendar.SettlementUtc(instrument, expiry);
#pragma warning restore CA1822

    public bool IsListed(InstrumentDefinition instrument, DateOnly expiry) => Expiries(instrument).Contains(expiry);
}
