using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// In a Kubernetes pod (the chart sets it): Microsoft.Orleans.Hosting.Kubernetes takes the silo name and address
    /// from the pod (POD_NAME, POD_IP) and removes the membership entries of pods that no longer exist.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// How long a graceful stop (SIGTERM) of a silo may take in all; keep it below the pod's
    /// terminationGracePeriodSeconds so Kubernetes never has to SIGKILL a silo that is handing over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The part of <see cref="ShutdownTimeout"/> kept back from the host's stop token. Once the token fires, Orleans
    /// still gossips the silo's Stopping and Dead states with a fixed 3 s timeout each, which a peer that has just
    /// died lets run out; 10 s covers both and the process exit.
    /// </summary>
    internal static readonly TimeSpan ShutdownReserve = TimeSpan.FromSeconds(10);

    /// <summary>The section, validated: the clustering setup runs before the options system could validate it.</summary>
    internal static DeltaStreamClusterOptions Read(IConfiguration configuration)
    {
        var cluster = configuration.GetSection(SectionName).Get<DeltaStreamClusterOptions>() ?? new DeltaStreamClusterOptions();
        Validator.ValidateObject(cluster, new(cluster), validateAllProperties: true);
        return cluster;
    }
}
