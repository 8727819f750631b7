using DeltaStream.Ticks;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>One routed part of a feed entry (the ticks for one stream), ordered by the entry's id.</summary>
[GenerateSerializer]
[Alias("DeltaStream.Providers.Redis.RedisBatchContainer")]
internal sealed class RedisBatchContainer(StreamId streamId, TickBatch batch, EventSequenceTokenV2 token) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public TickBatch Batch { get; } = batch;

    [Id(2)]
    public EventSequenceTokenV2 Token { get; } = token;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        if (Batch is T typed)
        {
            yield return Tuple.Create<T, StreamSequenceToken>(typed, Token);
        }
    }

    public bool ImportRequestContext() => false;

    /// <summary>Entry ids "ms-seq" as one increasing number, so the cache orders parts as Redis orders entries.</summary>
    public static long SequenceNumberOf(string entryId)
    {
        var dash = entryId.IndexOf('-', StringComparison.Ordinal);
        var ms = long.Parse(entryId.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture);
        var seq = long.Parse(entryId.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
        return (ms << 20) | Math.Min(seq, (1 << 20) - 1);
    }

    /// <summary>The entry id of a position made by <see cref="SequenceNumberOf"/>: where a replay resumes after it.</summary>
    public static string EntryIdOf(long position) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{position >> 20}-{position & ((1 << 20) - 1)}");

    public override string ToString() => $"[RedisBatchContainer {StreamId} entry {EntryIdOf(Token.SequenceNumber)}: {Batch.Underlying.Length + Batch.Options.Length} ticks]";
}
