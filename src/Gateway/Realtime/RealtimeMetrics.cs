using System.Diagnostics.Metrics;

namespace DeltaStream.Gateway.Realtime;

/// <summary>Counters of the live-update path (exported at /metrics).</summary>
internal static class RealtimeMetrics
{
    public const string MeterName = "DeltaStream.Gateway";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> OutboxBehind = Meter.CreateCounter<long>("outbox.behind", description: "Times a connection's outbox was full and it fell behind");

    public static readonly Counter<long> OutboxCatchUps = Meter.CreateCounter<long>("outbox.catchups", description: "Times a connection that was behind drained its outbox and got fresh snapshots");

    public static readonly Counter<long> SlowConnectionsAborted = Meter.CreateCounter<long>("outbox.aborted", description: "Connections disconnected for being behind longer than the bound");

    public static readonly Counter<long> FeedResyncFailures = Meter.CreateCounter<long>("feed.resync.failures", description: "Snapshot fetches after a gap or a restart that failed (the next update or push retries)");

    public static readonly Counter<long> Resubscribes = Meter.CreateCounter<long>("relay.resubscribes", description: "Subscriptions renewed at once because a grain announced its deactivation or went silent");

    public static readonly Counter<long> StaleChains = Meter.CreateCounter<long>("relay.stale", description: "Chains marked stale because their grain went silent (no update, no heartbeat) past the bound");

    public static readonly Counter<long> FeedEarlyUpdates = Meter.CreateCounter<long>("feed.early", description: "Chain updates that reached the gateway ahead of the one before them and were held until it came");

    public static readonly Counter<long> FeedResyncs = Meter.CreateCounter<long>("feed.resyncs", description: "Chain snapshots fetched because an update did not continue the gateway's state");
}
