using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// A delivery that still fails after the pulling agent's bounded retries (a poison batch) is recorded in the
/// dead-letter stream with its reason, stream, position, entry id and payload (the entry's data), and the stream's
/// durable position moves past it so the trim point does too; the subscription stays, so later ticks keep flowing.
/// </summary>
internal sealed class RedisStreamFailureHandler(RedisQueueMapper mapper, RedisConnection connection, RedisStreamOptions options) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        RecordAsync("deliveryFailed: a grain kept failing to process this batch", streamIdentity, sequenceToken, skip: true);

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        RecordAsync("subscriptionFailed: the stream's subscription could not be established", streamIdentity, sequenceToken, skip: false);

    private async Task RecordAsync(string reason, StreamId stream, StreamSequenceToken? token, bool skip)
    {
        var db = await connection.DatabaseAsync();
        var partition = RedisQueueMapper.PartitionOf(mapper.GetQueueForStream(stream));
        var entryId = token is null ? "" : RedisBatchContainer.EntryIdOf(token.SequenceNumber);
        var data = "";
        if (token is not null)
        {
            var entries = await db.StreamRangeAsync(mapper.Partitioner.StreamKey(partition), entryId, entryId, 1);
            data = entries.Length == 1 ? entries[0][FeedEntryFormat.DataField].ToString() : "";
        }

        await db.StreamAddAsync(mapper.Partitioner.DeadLetterKey(partition),
            [new("reason", reason), new("stream", stream.ToString()), new("position", token?.ToString() ?? ""), new("entry", entryId), new("data", data)],
            maxLength: (int)Math.Min(options.DeadLetterMaxLength, int.MaxValue), useApproximateMaxLength: true);
        if (skip && token is not null)
        {
            await RedisTickLog.MarkDurableAsync(db, mapper.Partitioner, stream, token.SequenceNumber);
        }

        RedisStreamMetrics.DeadLettered.Add(1);
        RedisStreamMetrics.TicksRejected.Add(1, new KeyValuePair<string, object?>("reason", reason[..reason.IndexOf(':', StringComparison.Ordinal)]));
    }
}
