using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// A delivery that still fails after the pulling agent's bounded retries is recorded in the dead-letter stream
/// (stream and position) and skipped; the subscription stays, so later ticks keep flowing.
/// </summary>
internal sealed class RedisStreamFailureHandler(RedisQueueMapper mapper, RedisConnection connection) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        RecordAsync("deliveryFailed: a grain kept failing to process this batch", streamIdentity, sequenceToken);

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        RecordAsync("subscriptionFailed: the stream's subscription could not be established", streamIdentity, sequenceToken);

    private async Task RecordAsync(string reason, StreamId stream, StreamSequenceToken? token)
    {
        var db = await connection.DatabaseAsync();
        var partition = RedisQueueMapper.PartitionOf(mapper.GetQueueForStream(stream));
        await db.StreamAddAsync(mapper.Partitioner.DeadLetterKey(partition), [new("reason", reason), new("stream", stream.ToString()), new("position", token?.ToString() ?? "")]);
        RedisStreamMetrics.DeadLettered.Add(1);
        RedisStreamMetrics.TicksRejected.Add(1, new KeyValuePair<string, object?>("reason", reason[..reason.IndexOf(':', StringComparison.Ordinal)]));
    }
}
