using DeltaStream.Feed;
using DeltaStream.Hosting;
using Orleans.Dashboard;

namespace DeltaStream.Gateway.Hosting;

internal static class OrleansHostingExtensions
{
    /// <summary>
    /// Either a co-hosted silo with the synthetic feed (embedded) or an Orleans client, per DeltaStream:Gateway:Topology,
    /// which defaults to Client in distributed mode.
    /// </summary>
    public static WebApplicationBuilder AddDeltaStreamOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Distributed mode (ConnectionStrings:Redis) makes the gateway a client of separate silos unless told otherwise.
        var defaultTopology = DeploymentMode.IsDistributed(configuration) ? GatewayTopology.Client : GatewayTopology.Embedded;
        var topology = configuration.GetSection(GatewayOptions.SectionName).GetValue(nameof(GatewayOptions.Topology), defaultTopology);
        if (topology == GatewayTopology.Embedded)
        {
            builder.UseOrleans(silo => silo.UseDeltaStreamClustering(configuration).AddDeltaStreamSilo(configuration));
            builder.Services.AddSyntheticFeed(configuration);
        }
        else
        {
            builder.UseOrleansClient(client => client.AddDeltaStreamClient(configuration).AddDashboard());
        }

        return builder;
    }
}
