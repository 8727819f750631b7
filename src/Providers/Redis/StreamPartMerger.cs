using DeltaStream.Ticks;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Joins the parts one read routes to the same grain stream into one container, so a grain takes everything a read
/// brought it in one delivery and one publication, not one per entry (the second of which would wait out the raw
/// interval). A part joins the one before it only where applying them together is applying them in turn: the same
/// producer, and never underlying ticks after options (a batch applies its underlying ticks first). A joined
/// container carries its last part's token, and containers come out in token order, as the cache expects.
/// </summary>
internal sealed class StreamPartMerger
{
    private readonly Dictionary<StreamId, int> open = [];
    private readonly List<(StreamId Stream, TickBatch Batch, EventSequenceTokenV2 Token)> parts = [];

    /// <summary>How many containers the parts added so far make.</summary>
    public int Count => parts.Count;

    public void Add(StreamId stream, TickBatch batch, EventSequenceTokenV2 token)
    {
        if (open.TryGetValue(stream, out var at) && CanJoin(parts[at].Batch, batch))
        {
            var earlier = parts[at].Batch;
            parts[at] = (stream, earlier with { Underlying = [.. earlier.Underlying, .. batch.Underlying], Options = [.. earlier.Options, .. batch.Options] }, token);
            return;
        }

        open[stream] = parts.Count;
        parts.Add((stream, batch, token));
    }

    public List<IBatchContainer> ToContainers()
    {
        var containers = new List<IBatchContainer>(parts.Count);
        foreach (var (stream, batch, token) in parts.OrderBy(p => p.Token.SequenceNumber).ThenBy(p => p.Token.EventIndex))
        {
            containers.Add(new RedisBatchContainer(stream, batch, token));
        }

        return containers;
    }

    private static bool CanJoin(TickBatch earlier, TickBatch later) =>
        string.Equals(earlier.Source, later.Source, StringComparison.Ordinal)
        && string.Equals(earlier.Symbol, later.Symbol, StringComparison.Ordinal)
        && (earlier.Options.Length == 0 || later.Underlying.Length == 0);
}
