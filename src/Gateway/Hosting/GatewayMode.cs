using DeltaStream.Hosting;

namespace DeltaStream.Gateway.Hosting;

/// <summary>How this gateway runs, read once from configuration; settings that are safe only on one machine key off <see cref="IsEmbedded"/>.</summary>
internal static class GatewayMode
{
    /// <summary>DeltaStream:Gateway:Topology, defaulting to Client in distributed mode (ConnectionStrings:Redis) and Embedded otherwise.</summary>
    public static GatewayTopology Topology(IConfiguration configuration)
    {
        var defaultTopology = DeploymentMode.IsDistributed(configuration) ? GatewayTopology.Client : GatewayTopology.Embedded;
        return configuration.GetSection(GatewayOptions.SectionName).GetValue(nameof(GatewayOptions.Topology), defaultTopology);
    }

    /// <summary>One process on one machine: a co-hosted silo on in-memory storage, no Redis.</summary>
    public static bool IsEmbedded(IConfiguration configuration) =>
        !DeploymentMode.IsDistributed(configuration) && Topology(configuration) == GatewayTopology.Embedded;
}
