using DeltaStream.Analytics.Insights;
using DeltaStream.Grains;
using DeltaStream.History;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Insights;

/// <summary>
/// Gathers a pulse's inputs: the chain's snapshot, every listed expiry's ATM IV (the term structure) and, when
/// MongoDB records history, the session's chain history since local midnight in the exchange's time zone. A history
/// store that cannot answer is logged and read as no history: the pulse never waits on it to fail twice.
/// </summary>
internal sealed class PulseSource(IGrainFactory grains, InstrumentCatalog catalog, ILogger<PulseSource> logger, IMarketHistoryReader? history = null)
{
    // A session has at most 1,440 one-minute records plus its close.
    private const int SessionRecords = 1_500;

    public async Task<ChainPulse> ReadAsync(InstrumentDefinition instrument, DateOnly expiry, CancellationToken cancellationToken)
    {
        var expiries = catalog.Expiries(instrument);
        var snapshots = await Task.WhenAll(expiries.Select(e => grains.GetGrain<IOptionChainGrain>(new ChainId(instrument.Symbol, e).ToString()).GetSnapshot()));
        var chain = snapshots.Single(s => s.Expiry == expiry);
        var session = await SessionAsync(instrument, chain, cancellationToken);
        var inputs = new PulseInputs(PulseChainMapper.From(chain), [.. snapshots.OrderBy(s => s.Expiry).Select(s => s.Analytics.AtmIv)], session);
        var pulse = MarketPulseReader.Read(inputs);
        return new ChainPulse(chain.Symbol, chain.Expiry, chain.UpdatedAt, pulse, PulseNarrative.Compose(chain.Symbol, chain.Expiry, pulse));
    }

    private async Task<PulseHistory> SessionAsync(InstrumentDefinition instrument, ChainSnapshot chain, CancellationToken cancellationToken)
    {
        if (history is null || chain.UpdatedAt == default)
        {
            return PulseHistory.None;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone);
        var asOf = DateTime.SpecifyKind(chain.UpdatedAt, DateTimeKind.Utc);
        var localMidnight = TimeZoneInfo.ConvertTimeFromUtc(asOf, zone).Date;
        var sessionStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), zone);
        try
        {
            var points = await history.ChainHistoryAsync(chain.Symbol, chain.Expiry, sessionStart, asOf.AddTicks(1), SessionRecords, cancellationToken);
            var ivs = points.Select(p => p.Analytics.AtmIv).Where(v => v is not null).Select(v => v!.Value).ToArray();
            // Newest first: the session's first record is the last one.
            var openPcr = points.LastOrDefault(p => p.Analytics.PcrOi is not null)?.Analytics.PcrOi;
            return new PulseHistory(openPcr, ivs.Length > 0 ? ivs.Min() : null, ivs.Length > 0 ? ivs.Max() : null);
        }
        catch (HistoryUnavailableException ex)
        {
            InsightLog.HistoryUnavailable(logger, chain.Symbol, chain.Expiry, ex);
            return PulseHistory.None;
        }
    }
}
