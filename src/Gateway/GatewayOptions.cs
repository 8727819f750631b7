using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway;

/// <summary>Configuration section "DeltaStream:Gateway".</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "DeltaStream:Gateway";

    /// <summary>
    /// Embedded (the default without ConnectionStrings:Redis): this process hosts a silo and the synthetic feed.
    /// Client (the default with it): this process is an Orleans client of silos started separately (src/Silo).
    /// </summary>
    public GatewayTopology Topology { get; set; } = GatewayTopology.Embedded;

    /// <summary>How often the gateway renews its observer subscriptions; at most a third of the lease the grains return.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a grain announced its deactivation the gateway subscribes to its next activation (which the
    /// subscription itself starts), and the pause between attempts while that fails.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan ResubscribeDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A chain the gateway has heard nothing from (no update, no heartbeat) for this long is marked stale to its
    /// subscribers (<c>chainStatus</c>) and subscribed again, which reaches its next activation once membership has
    /// declared the silo dead. Keep it at least three times the grains' DeltaStream:Grains:HeartbeatInterval (500 ms).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long a chain update that reached the gateway ahead of the one before it waits for that one before the
    /// gateway takes it as lost and fetches the snapshot. The grains send in order, but the Orleans client may hand
    /// consecutive messages to the observer out of order under load. Checked on each update and every StaleAfter/15.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a settled chain stays readable (REST, and the hub's snapshot) with its final state after its
    /// settlement; later it answers 404 saying when it settled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan SettledChainRetention { get; set; } = TimeSpan.FromDays(7);
}
