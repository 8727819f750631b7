using DeltaStream.Feed;
using DeltaStream.Hosting;

namespace DeltaStream.Gateway.Hosting;

internal static class OrleansHostingExtensions
{
    /// <summary>Either a co-hosted silo with the synthetic feed (embedded) or an Orleans client, per DeltaStream:Gateway:Topology.</summary>
    public static WebApplicationBuilder AddDeltaStreamOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var topology = configuration.GetSection(GatewayOptions.SectionName).GetValue(nameof(GatewayOptions.Topology), GatewayTopology.Embedded);
        if (topology == GatewayTopology.Embedded)
        {
            builder.UseOrleans(silo => silo.UseDeltaStreamClustering(configuration).AddDeltaStreamSilo(configuration));
            builder.Services.AddSyntheticFeed(configuration);
        }
        else
        {
            builder.UseOrleansClient(client => client.AddDeltaStreamClient(configuration));
        }

        return builder;
    }
}
