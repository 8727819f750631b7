using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// Follows a chain feed beside its lanes (the insight watch does): told of each subscriber and of each change of the
/// chain's state. Called under the feed's lock, so it only records and schedules; it never calls back into the feed.
/// </summary>
internal interface IChainFeedListener : IDisposable
{
    void Added(ConnectionOutbox outbox);

    void Removed(ConnectionOutbox outbox);

    void Changed(ChainSnapshot latest);
}
