using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Grains;

/// <summary>Configuration section "DeltaStream:Grains".</summary>
public sealed class MarketGrainOptions
{
    public const string SectionName = "DeltaStream:Grains";

    /// <summary>Minimum interval between two pushed updates of one chain or underlying (coalescing).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often changed state is written to grain storage; it is also written on deactivation.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A subscriber that does not renew within this lease is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ObserverLease { get; set; } = TimeSpan.FromMinutes(2);
}
