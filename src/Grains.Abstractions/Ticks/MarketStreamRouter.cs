using Orleans.Runtime;

namespace DeltaStream.Ticks;

/// <summary>
/// Splits the ticks of one symbol into stream events: one for the underlying's stream (its ticks only) and one
/// per chain (that expiry's options plus the underlying ticks, which carry the spot). Underlying ticks also go
/// to every listed expiry without options in the batch, so a chain's spot never goes stale. Every producer
/// path (the C# feed, the Redis provider) routes through here, so grains see the same events.
/// </summary>
public static class MarketStreamRouter
{
    public static IEnumerable<(StreamId Stream, TickBatch Batch)> Route(TickBatch batch, IReadOnlyCollection<DateOnly> listedExpiries)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(listedExpiries);
        if (batch.Underlying.Length > 0)
        {
            yield return (MarketStreams.Underlying(batch.Symbol), batch.Options.Length == 0 ? batch : batch with { Options = [] });
        }

        var quoted = new HashSet<DateOnly>();
        foreach (var group in batch.Options.GroupBy(o => o.Expiry))
        {
            quoted.Add(group.Key);
            yield return (MarketStreams.Chain(new ChainId(batch.Symbol, group.Key)), batch with { Options = [.. group] });
        }

        if (batch.Underlying.Length == 0)
        {
            yield break;
        }

        foreach (var expiry in listedExpiries)
        {
            if (!quoted.Contains(expiry))
            {
                yield return (MarketStreams.Chain(new ChainId(batch.Symbol, expiry)), batch with { Options = [] });
            }
        }
    }
}
