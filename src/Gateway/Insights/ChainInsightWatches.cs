using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Insights;

/// <summary>Gives every chain feed of the hub its <see cref="ChainInsightWatch"/>.</summary>
internal sealed class ChainInsightWatches(InstrumentCatalog catalog, PulseSource source, IOptions<InsightOptions> options, TimeProvider clock, ILogger<ChainInsightWatch> logger)
    : IChainFeedListeners
{
    public IChainFeedListener For(ChainId chain)
    {
        var instrument = catalog.TryGet(chain.Symbol, out var found) ? found : throw new ArgumentException($"Unknown symbol '{chain.Symbol}'.", nameof(chain));
        return new ChainInsightWatch(instrument, chain.Expiry, source, options.Value.LiveInterval, clock, logger);
    }
}
