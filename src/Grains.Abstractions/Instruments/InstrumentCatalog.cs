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
        ExpiryCalendar.UpcomingExpiries(instrument, clock.GetUtcNow().UtcDateTime);

    public bool IsListed(InstrumentDefinition instrument, DateOnly expiry) => Expiries(instrument).Contains(expiry);
}
