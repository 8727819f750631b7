using DeltaStream.Instruments;
using DeltaStream.Time;
using DeltaStream.Ticks;
using Orleans.Runtime;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Decodes a feed entry of one partition, checks it against the catalog (listed symbol, its partition, listed
/// expiries, the strike ladder, timestamps not ahead of the market clock) and routes the valid ticks to the grain
/// streams they feed. Every check is made at the entry's time in Redis (its position, on the market clock), not at
/// the time of reading, so live reading and replay route alike and a grain replays exactly what it was delivered.
/// </summary>
internal sealed class EntryRouter(int partition, FeedPartitioner partitioner, InstrumentCatalog catalog, MarketClock clock, TimeSpan futureTolerance)
{
    /// <param name="position">The entry's stream position (<see cref="RedisBatchContainer.SequenceNumberOf"/>).</param>
    public RoutedEntry Route(ReadOnlyMemory<byte> data, long position)
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

        var writtenAt = WrittenAt(position);
        var latest = writtenAt + futureTolerance;
        var listed = catalog.Expiries(instrument, writtenAt);
        var refused = 0;
        foreach (var option in batch.Options)
        {
            if (Refusal(instrument, listed, option, writtenAt, latest) is { } reason)
            {
                rejected.Add(new RejectedTick(FeedEntryFormat.Encode(new TickBatch(instrument.Symbol, [], [option], batch.Source)), reason));
                refused++;
            }
        }

        var underlyingRefused = 0;
        foreach (var tick in batch.Underlying)
        {
            if (tick.Timestamp > latest)
            {
                rejected.Add(new RejectedTick(FeedEntryFormat.Encode(new TickBatch(instrument.Symbol, [tick], [], batch.Source)), FutureReason(tick.Timestamp, writtenAt)));
                underlyingRefused++;
            }
        }

        batch = batch with
        {
            Symbol = instrument.Symbol,
            Options = refused == 0 ? batch.Options : [.. batch.Options.Where(o => Refusal(instrument, listed, o, writtenAt, latest) is null)],
            Underlying = underlyingRefused == 0 ? batch.Underlying : [.. batch.Underlying.Where(u => u.Timestamp <= latest)],
        };
        return new RoutedEntry([.. MarketStreamRouter.Route(batch, listed)], rejected);
    }

    /// <summary>The entry's time on the market clock: Redis stamps entry ids with its own (real) milliseconds.</summary>
    private DateTime WrittenAt(long position) => DateTime.UnixEpoch.AddMilliseconds(position >> 20) + clock.Offset;

    private string? Refusal(InstrumentDefinition instrument, IReadOnlyList<DateOnly> listed, OptionTick option, DateTime writtenAt, DateTime latest)
    {
        if (!listed.Contains(option.Expiry))
        {
            var settlement = catalog.SettlementUtc(instrument, option.Expiry);
            return settlement <= writtenAt
                ? FormattableString.Invariant($"expired: {instrument.Symbol} {option.Expiry:yyyy-MM-dd} settled at {settlement:O}")
                : $"unlistedExpiry: {instrument.Symbol} lists no expiry {option.Expiry:yyyy-MM-dd}";
        }

        return !ListedStrikes.Contains(instrument, option.Strike) ? ListedStrikes.OffLadderReason(instrument, option.Strike)
            : option.Timestamp > latest ? FutureReason(option.Timestamp, writtenAt)
            : null;
    }

    private string FutureReason(DateTime timestamp, DateTime writtenAt) =>
        FormattableString.Invariant($"futureTimestamp: stamped {timestamp:O}, {(timestamp - writtenAt).TotalSeconds:F1} s after it was written (tolerance {futureTolerance.TotalSeconds:F0} s)");

    /// <summary>Only the part of an entry that feeds <paramref name="stream"/>, if any.</summary>
    public TickBatch? PartFor(ReadOnlyMemory<byte> data, long position, StreamId stream)
    {
        foreach (var (id, batch) in Route(data, position).Parts)
        {
            if (id == stream)
            {
                return batch;
            }
        }

        return null;
    }
}
