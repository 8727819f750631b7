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

    /// <summary>How often the gateway renews its observer subscriptions (must be well inside the grains' lease).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(30);
}
