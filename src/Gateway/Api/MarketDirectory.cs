using System.Diagnostics.CodeAnalysis;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api;

/// <summary>
/// Resolves what clients name (symbol, expiry text) against the instrument catalog, with the reason when it
/// cannot: the same answers for REST (404/400 ProblemDetails) and SignalR (HubException).
/// </summary>
internal sealed class MarketDirectory(InstrumentCatalog catalog)
{
    public InstrumentCatalog Catalog { get; } = catalog;

    public bool TryResolveSymbol(string symbol, [NotNullWhen(true)] out InstrumentDefinition? instrument) =>
        Catalog.TryGet(symbol, out instrument);

    /// <summary>The one wording of an unknown symbol, for REST problems and hub exceptions alike.</summary>
    public static string UnknownSymbolDetail(string? symbol) => $"Unknown symbol '{symbol}'. GET /api/v1/underlyings lists the symbols.";

    public LookupResult<ChainId> ResolveChain(string symbol, string expiry)
    {
        if (!Catalog.TryGet(symbol, out var instrument))
        {
            return LookupResult<ChainId>.Fail(LookupError.UnknownSymbol, UnknownSymbolDetail(symbol));
        }

        if (!ChainId.TryParseExpiry(expiry, out var date))
        {
            return LookupResult<ChainId>.Fail(LookupError.InvalidExpiry, $"Expiry '{expiry}' is not a date in the form yyyy-MM-dd.");
        }

        var listed = Catalog.Expiries(instrument);
        if (!listed.Contains(date))
        {
            return LookupResult<ChainId>.Fail(
                LookupError.UnknownExpiry,
                $"{instrument.Symbol} has no listed expiry {expiry}. Listed: {string.Join(", ", listed.Select(e => e.ToString(ChainId.ExpiryFormat, System.Globalization.CultureInfo.InvariantCulture)))}.");
        }

        return LookupResult<ChainId>.Ok(new ChainId(instrument.Symbol, date));
    }
}
