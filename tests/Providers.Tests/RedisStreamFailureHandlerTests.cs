using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

namespace DeltaStream.Providers.Tests;

public sealed class RedisStreamFailureHandlerTests(RedisClusterFixture fixture)
{
    [Fact]
    public async Task A_poison_delivery_is_dead_lettered_with_its_payload_and_entry_and_the_streams_trim_point_moves_past_it()
    {
        await using var connection = new RedisConnection(fixture.Value.Redis.ConnectionString);
        var partitioner = fixture.Value.Partitioner;
        var mapper = new RedisQueueMapper("ticks", partitioner);
        var handler = new RedisStreamFailureHandler(mapper, connection, new RedisStreamOptions { DeadLetterMaxLength = 1000 });
        var stream = MarketStreams.Underlying("AAPL");
        var partition = partitioner.PartitionOf("AAPL");
        var db = fixture.Value.Connection.GetDatabase();
        var data = $$"""[{"kind":"underlying","symbol":"AAPL","src":"poison-test","ts":"{{DateTime.UtcNow:O}}","seq":1,"price":228.5,"volume":1}]""";
        var id = (await db.StreamAddAsync(partitioner.StreamKey(partition), FeedEntryFormat.DataField, data)).ToString();
        var position = RedisBatchContainer.SequenceNumberOf(id);

        await handler.OnDeliveryFailure(GuidId.GetNewGuidId(), "ticks", stream, new EventSequenceTokenV2(position, 0));

        Assert.False(handler.ShouldFaultSubsriptionOnError);
        var entry = (await db.StreamRangeAsync(partitioner.DeadLetterKey(partition), "-", "+")).Single(e => e["entry"] == id && e["stream"] == stream.ToString());
        Assert.StartsWith("deliveryFailed:", entry["reason"].ToString(), StringComparison.Ordinal);
        Assert.Equal(data, entry["data"].ToString());
        Assert.True((long)await db.HashGetAsync(partitioner.DurableKey(partition), stream.ToString()) >= position);
    }

    [Fact]
    public void Every_stream_of_a_symbol_maps_to_the_queue_of_its_partition()
    {
        var mapper = new RedisQueueMapper("ticks", new FeedPartitioner("deltastream", 8));
        var queue = mapper.GetQueueForStream(MarketStreams.Underlying("NIFTY"));

        Assert.Equal(queue, mapper.GetQueueForStream(MarketStreams.Chain(new ChainId("NIFTY", new DateOnly(2026, 12, 1)))));
        Assert.Equal(new FeedPartitioner("deltastream", 8).PartitionOf("NIFTY"), RedisQueueMapper.PartitionOf(queue));
        Assert.Equal(8, mapper.GetAllQueues().Distinct().Count());
    }
}
