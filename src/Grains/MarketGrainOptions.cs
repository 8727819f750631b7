using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Grains;

/// <summary>Configuration section "DeltaStream:Grains".</summary>
public sealed class MarketGrainOptions
{
    public const string SectionName = "DeltaStream:Grains";

    /// <summary>
    /// Interval between two publications of one chain or underlying (coalescing) when no subscriber asks for a
    /// finer one; it also bounds how old a snapshot is, as changes are published whether or not anyone listens.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The finest interval a subscriber can ask for (the hub's <c>raw</c> throttle): a changed chain is recomputed
    /// and published at most this long after its tick. Used only while such a subscriber holds a lease.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RawInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How often changed state is written to grain storage; it is also written on deactivation.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A grain that has sent its observers nothing for this long sends them a heartbeat; gateways mark a chain
    /// stale when they hear nothing for a few of these (DeltaStream:Gateway:StaleAfter).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A subscriber that does not renew within this lease is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ObserverLease { get; set; } = TimeSpan.FromMinutes(2);
}
