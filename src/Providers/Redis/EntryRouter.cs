using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Orleans.Runtime;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Decodes a feed entry of one partition, checks it against the catalog (listed symbol, its partition, listed
/// expiries, the strike ladder) and routes the valid ticks to the grain streams they feed. Live reading and replay route alike, so a
/// grain replays exactly what it was delivered.
/// </summary>
internal sealed class EntryRouter(int partition, FeedPartitioner partitioner, InstrumentCatalog catalog)
{
    public RoutedEntry Route(ReadOnlyMemory<byte> data)
    {
        var decoded = FeedEntryFormat.Decode(data);
        if (decoded.Batch is not { } batch)
        {
            return new RoutedEntry([], decoded.Rejected);
        }

        var rejected = new List<RejectedTick>(decoded.Rejected);
        if (!catalog.TryGet(batch.Symbol, out var instrument))
        {
            rejected.Add(new RejectedTick(FeedEntryFormat.Text(data), $"unknownSymbol: '{batch.Symbol}' is not a listed instrument"));
            return new RoutedEntry([], rejected);
        }

        if (partitioner.PartitionOf(instrument.Symbol) != partition)
        {
            rejected.Add(new RejectedTick(FeedEntryFormat.Text(data), $"wrongPartition: '{instrument.Symbol}' belongs in {partitioner.StreamKey(partitioner.PartitionOf(instrument.Symbol))}"));
            return new RoutedEntry([], rejected);
        }

        var listed = catalog.Expiries(instrument);
        var refused = 0;
        foreach (var option in batch.Options)
        {
            if (Refusal(instrument, listed, option) is { } reason)
            {
                rejected.Add(new RejectedTick(FeedEntryFormat.Encode(new TickBatch(instrument.Symbol, [], [option], batch.Source)), reason));
                refused++;
            }
        }

        batch = batch with { Symbol = instrument.Symbol, Options = refused == 0 ? batch.Options : [.. batch.Options.Where(o => Refusal(instrument, listed, o) is null)] };
        return new RoutedEntry([.. MarketStreamRouter.Route(batch, listed)], rejected);
    }

    private static string? Refusal(InstrumentDefinition instrument, IReadOnlyList<DateOnly> listed, OptionTick option) =>
        !listed.Contains(option.Expiry) ? $"unlistedExpiry: {instrument.Symbol} lists no expiry {option.Expiry:yyyy-MM-dd}"
        : !ListedStrikes.Contains(instrument, option.Strike) ? ListedStrikes.OffLadderReason(instrument, option.Strike)
        : null;

    /// <summary>Only the part of an entry that feeds <paramref name="stream"/>, if any.</summary>
    public TickBatch? PartFor(ReadOnlyMemory<byte> data, StreamId stream)
    {
        foreach (var (id, batch) in Route(data).Parts)
        {
            if (id == stream)
            {
                return batch;
            }
        }

        return null;
    }
}
