using Orleans.Runtime;

namespace DeltaStream.Ticks;

/// <summary>
/// Splits the ticks of one symbol into stream events: one for the underlying's stream (its ticks only) and one
/// per expiry for the chain streams (that expiry's options plus the underlying ticks, which carry the spot).
/// Every producer path (the C# feed, the Redis provider) routes through here, so grains see the same events.
/// </summary>
public static class MarketStreamRouter
{
    public static IEnumerable<(StreamId Stream, TickBatch Batch)> Route(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Underlying.Length > 0)
        {
            yield return (MarketStreams.Underlying(batch.Symbol), batch.Options.Length == 0 ? batch : batch with { Options = [] });
        }

        if (batch.Options.Length == 0)
        {
            yield break;
        }

        foreach (var group in batch.Options.GroupBy(o => o.Expiry))
        {
            yield return (MarketStreams.Chain(new ChainId(batch.Symbol, group.Key)), new TickBatch(batch.Symbol, batch.Underlying, [.. group]));
        }
    }
}
