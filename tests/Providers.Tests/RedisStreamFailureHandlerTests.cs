using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

namespace DeltaStream.Providers.Tests;

public sealed class RedisStreamFailureHandlerTests(RedisClusterFixture fixture)
{
    [Fact]
    public async Task A_delivery_that_keeps_failing_is_recorded_in_the_partitions_dead_letter_stream_and_the_subscription_stays()
    {
        await using var connection = new RedisConnection(fixture.Value.Redis.ConnectionString);
        var mapper = new RedisQueueMapper("ticks", fixture.Value.Partitioner);
        var handler = new RedisStreamFailureHandler(mapper, connection);
        var stream = MarketStreams.Chain(new ChainId("AAPL", new DateOnly(2026, 12, 4)));
        var deadLetters = fixture.Value.Partitioner.DeadLetterKey(fixture.Value.Partitioner.PartitionOf("AAPL"));
        var db = fixture.Value.Connection.GetDatabase();
        var before = await db.StreamLengthAsync(deadLetters);

        await handler.OnDeliveryFailure(GuidId.GetNewGuidId(), "ticks", stream, new EventSequenceTokenV2(42, 1));

        Assert.False(handler.ShouldFaultSubsriptionOnError);
        var entry = (await db.StreamRangeAsync(deadLetters, "-", "+")).Skip((int)before).Single();
        Assert.StartsWith("deliveryFailed:", entry["reason"].ToString(), StringComparison.Ordinal);
        Assert.Contains("AAPL:2026-12-04", entry["stream"].ToString(), StringComparison.Ordinal);
        Assert.Contains("42", entry["position"].ToString(), StringComparison.Ordinal);
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
