using System.Diagnostics.Metrics;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// Counters of the live-update path (exported at /metrics). Created from the host's <see cref="IMeterFactory"/>, so
/// each gateway's counters are its own: a listener (a test, or two gateways in one process) can tell them apart.
/// </summary>
internal sealed class RealtimeMetrics
{
    public const string MeterName = "DeltaStream.Gateway";

    public RealtimeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        OutboxBehind = meter.CreateCounter<long>("outbox.behind", description: "Times a connection's outbox was full and it fell behind");
        OutboxCatchUps = meter.CreateCounter<long>("outbox.catchups", description: "Times a connection that was behind drained its outbox and got fresh snapshots");
        SlowConnectionsAborted = meter.CreateCounter<long>("outbox.aborted", description: "Connections disconnected for being behind longer than the bound");
        FeedResyncFailures = meter.CreateCounter<long>("feed.resync.failures", description: "Snapshot fetches after a gap or a restart that failed (the next update or push retries)");
        Resubscribes = meter.CreateCounter<long>("relay.resubscribes", description: "Subscriptions renewed at once because a grain announced its deactivation or went silent");
        StaleChains = meter.CreateCounter<long>("relay.stale", description: "Chains marked stale because their grain went silent (no update, no heartbeat) past the bound");
        FeedEarlyUpdates = meter.CreateCounter<long>("feed.early", description: "Chain updates that reached the gateway ahead of the one before them and were held until it came");
        FeedResyncs = meter.CreateCounter<long>("feed.resyncs", description: "Chain snapshots fetched because an update did not continue the gateway's state");
    }

    public Counter<long> OutboxBehind { get; }

    public Counter<long> OutboxCatchUps { get; }

    public Counter<long> SlowConnectionsAborted { get; }

    public Counter<long> FeedResyncFailures { get; }

    public Counter<long> Resubscribes { get; }

    public Counter<long> StaleChains { get; }

    public Counter<long> FeedEarlyUpdates { get; }

    public Counter<long> FeedResyncs { get; }
}
