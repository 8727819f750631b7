using System.Runtime.CompilerServices;
using DeltaStream.Instruments;
using DeltaStream.Time;
using DeltaStream.Ticks;
using Orleans.Runtime;
using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// The Redis Streams log behind <see cref="ITickLog"/>. Replay reads the stream's partition from a position and routes
/// each entry as live reading does, keeping the stream's part. Durable positions go to the partition's hash
/// "{prefix}:ticks:{p}:durable", which only moves forward; receivers trim an entry once every stream it fed is durable
/// past it.
/// </summary>
internal sealed class RedisTickLog(RedisConnection connection, FeedPartitioner partitioner, InstrumentCatalog catalog, MarketClock clock, TimeSpan futureTolerance) : ITickLog
{
    private const int PageSize = 512;

    // HSET only when the new position is higher: a late or repeated report never moves a stream back. Positions are
    // 61-bit, past a Lua number's 53-bit precision (two reports in one millisecond would compare equal), so they are
    // compared as decimal digit strings: the longer is larger, and equal lengths compare digit by digit.
    private const string MaxScript = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        local new = ARGV[2]
        if not string.match(new, '^%d+$') then return 0 end
        if current and (#new < #current or (#new == #current and new <= current)) then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], new)
        return 1
        """;

    public async IAsyncEnumerable<PositionedBatch> ReplayAsync(StreamId stream, long position, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = partitioner.PartitionOf(RedisQueueMapper.SymbolOf(stream));
        var router = new EntryRouter(partition, partitioner, catalog, clock, futureTolerance);
        var db = await connection.DatabaseAsync().WaitAsync(cancellationToken);
        var key = partitioner.StreamKey(partition);
        var after = position <= 0 ? "-" : "(" + RedisBatchContainer.EntryIdOf(position);
        while (true)
        {
            var entries = await db.StreamRangeAsync(key, after, "+", PageSize).WaitAsync(cancellationToken);
            foreach (var entry in entries)
            {
                var data = entry[FeedEntryFormat.DataField];
                var at = RedisBatchContainer.SequenceNumberOf(entry.Id.ToString());
                if (router.PartFor(data.HasValue ? (ReadOnlyMemory<byte>)data : ReadOnlyMemory<byte>.Empty, at, stream) is { } batch)
                {
                    yield return new PositionedBatch(batch, at);
                }
            }

            if (entries.Length < PageSize)
            {
                yield break;
            }

            after = "(" + entries[^1].Id;
        }
    }

    public async Task MarkDurableAsync(StreamId stream, long position, CancellationToken cancellationToken)
    {
        var db = await connection.DatabaseAsync().WaitAsync(cancellationToken);
        await MarkDurableAsync(db, partitioner, stream, position).WaitAsync(cancellationToken);
    }

    /// <summary>Moves <paramref name="stream"/>'s durable position forward to <paramref name="position"/> (never back).</summary>
    public static Task MarkDurableAsync(IDatabase db, FeedPartitioner partitioner, StreamId stream, long position) =>
        db.ScriptEvaluateAsync(MaxScript, [partitioner.DurableKey(partitioner.PartitionOf(RedisQueueMapper.SymbolOf(stream)))], [stream.ToString(), position]);

    /// <summary>Every stream's durable position in a partition.</summary>
    public static async Task<Dictionary<string, long>> DurablePositionsAsync(IDatabase db, FeedPartitioner partitioner, int partition)
    {
        var fields = await db.HashGetAllAsync(partitioner.DurableKey(partition));
        var positions = new Dictionary<string, long>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            positions[field.Name.ToString()] = (long)field.Value;
        }

        return positions;
    }
}
