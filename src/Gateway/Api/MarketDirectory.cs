using System.Diagnostics.CodeAnalysis;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using DeltaStream.Time;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Api;

/// <summary>
/// Resolves what clients name (symbol, expiry text) against the instrument catalog, with the reason when it
/// cannot: the same answers for REST (404/400 ProblemDetails) and SignalR (HubException). A listed expiry resolves,
/// and so does a settled one for <see cref="GatewayOptions.SettledChainRetention"/> after its settlement.
/// </summary>
internal sealed class MarketDirectory(InstrumentCatalog catalog, MarketClock clock, IOptions<GatewayOptions> options)
{
    private readonly TimeSpan retention = options.Value.SettledChainRetention;

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

        var now = clock.GetUtcNow().UtcDateTime;
        var listed = Catalog.Expiries(instrument, now);
        if (!listed.Contains(date) && SettledAt(instrument, date, now) is { } settledAt)
        {
            return now - settledAt <= retention
                ? LookupResult<ChainId>.Ok(new ChainId(instrument.Symbol, date))
                : LookupResult<ChainId>.Fail(
                    LookupError.UnknownExpiry,
                    FormattableString.Invariant($"{instrument.Symbol} {expiry} settled at {settledAt:O}; settled chains are kept for {retention.TotalDays:0.##} days."));
        }

        if (!listed.Contains(date))
        {
            return LookupResult<ChainId>.Fail(
                LookupError.UnknownExpiry,
                $"{instrument.Symbol} has no listed expiry {expiry}. Listed: {string.Join(", ", listed.Select(e => e.ToString(ChainId.ExpiryFormat, System.Globalization.CultureInfo.InvariantCulture)))}.");
        }

        return LookupResult<ChainId>.Ok(new ChainId(instrument.Symbol, date));
    }

    /// <summary>When <paramref name="date"/> settled, if it was one of the instrument's expiries and has settled by <paramref name="now"/>.</summary>
    private DateTime? SettledAt(InstrumentDefinition instrument, DateOnly date, DateTime now)
    {
        var settlement = Catalog.SettlementUtc(instrument, date);
        return settlement <= now && Catalog.Expiries(instrument, settlement.AddTicks(-1)).Contains(date) ? settlement : null;
    }
}
