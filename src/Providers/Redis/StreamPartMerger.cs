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
    private readonly List<Group> groups = [];

    /// <summary>How many containers the parts added so far make.</summary>
    public int Count => groups.Count;

    public void Add(StreamId stream, TickBatch batch, EventSequenceTokenV2 token)
    {
        if (open.TryGetValue(stream, out var at) && CanJoin(groups[at].Last, batch))
        {
            groups[at].Join(batch, token);
            return;
        }

        open[stream] = groups.Count;
        groups.Add(new Group(stream, batch, token));
    }

    public List<IBatchContainer> ToContainers()
    {
        groups.Sort(static (a, b) => a.Token.CompareTo(b.Token));
        var containers = new List<IBatchContainer>(groups.Count);
        foreach (var group in groups)
        {
            containers.Add(new RedisBatchContainer(group.Stream, group.Batch(), group.Token));
        }

        return containers;
    }

    // Parts fed to one stream carry its symbol, so only the producer and the order of spot and options can differ.
    private static bool CanJoin(TickBatch earlier, TickBatch later) =>
        string.Equals(earlier.Source, later.Source, StringComparison.Ordinal)
        && (earlier.Options.Length == 0 || later.Underlying.Length == 0);

    /// <summary>The parts joined into one container; their ticks are copied together once, when it is made.</summary>
    private sealed class Group(StreamId stream, TickBatch first, EventSequenceTokenV2 token)
    {
        private List<TickBatch>? joined;

        public StreamId Stream { get; } = stream;

        public EventSequenceTokenV2 Token { get; private set; } = token;

        public TickBatch Last => joined is null ? first : joined[^1];

        public void Join(TickBatch batch, EventSequenceTokenV2 at)
        {
            (joined ??= [first]).Add(batch);
            Token = at;
        }

        public TickBatch Batch() => joined is null
            ? first
            : first with { Underlying = [.. joined.SelectMany(b => b.Underlying)], Options = [.. joined.SelectMany(b => b.Options)] };
    }
}
