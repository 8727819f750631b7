using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Tests;

/// <summary>The durable position a grain reports, as Redis keeps it: exact at the full 61 bits, and never moved back.</summary>
public sealed class DurablePositionTests(RedisClusterFixture fixture)
{
    [Fact]
    public async Task A_later_report_in_the_same_millisecond_moves_the_durable_position_and_an_earlier_or_shorter_one_never_moves_it_back()
    {
        var db = fixture.Value.Connection.GetDatabase();
        var partitioner = fixture.Value.Partitioner;
        var stream = MarketStreams.Underlying("DURABLE-POSITION-TEST");
        var key = partitioner.DurableKey(partitioner.PartitionOf("DURABLE-POSITION-TEST"));
        var first = RedisBatchContainer.SequenceNumberOf("1796635800407-1");
        var second = RedisBatchContainer.SequenceNumberOf("1796635800407-2");
        Assert.Equal((double)first, (double)second); // as Lua numbers (doubles) the two are one position

        await RedisTickLog.MarkDurableAsync(db, partitioner, stream, first);
        await RedisTickLog.MarkDurableAsync(db, partitioner, stream, second);
        Assert.Equal(second, (long)await db.HashGetAsync(key, stream.ToString()));

        await RedisTickLog.MarkDurableAsync(db, partitioner, stream, first);
        await RedisTickLog.MarkDurableAsync(db, partitioner, stream, 99);
        Assert.Equal(second, (long)await db.HashGetAsync(key, stream.ToString()));
    }
}
