using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DeltaStream.Hosting;

/// <summary>Configuration section "DeltaStream:Cluster": identity and ports of this process in the Orleans cluster.</summary>
public sealed class DeltaStreamClusterOptions
{
    public const string SectionName = "DeltaStream:Cluster";

    [Required]
    public string ClusterId { get; set; } = "deltastream";

    [Required]
    public string ServiceId { get; set; } = "deltastream";

    /// <summary>Silo-to-silo port; several silos on one machine need distinct ports.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address other silos and clients reach this silo at in distributed mode (a pod IP in Kubernetes).</summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Port on which the silo accepts Orleans clients (gateways).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
