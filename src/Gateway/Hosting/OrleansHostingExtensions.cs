using DeltaStream.Feed;
using DeltaStream.Gateway.Api.Markets;
using DeltaStream.Hosting;
using Microsoft.Extensions.Options;
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
        if (GatewayMode.Topology(configuration) == GatewayTopology.Embedded)
        {
            builder.UseOrleans(silo => silo.UseDeltaStreamClustering(configuration).AddDeltaStreamSilo(configuration));
            builder.Services.AddSyntheticFeed(configuration);
            builder.Services.AddSingleton(sp => new MarketFeedNote(sp.GetRequiredService<IOptions<FeedOptions>>().Value switch
            {
                { Enabled: false } => null,
                { Hours: FeedHours.Calendar } => "synthetic market, quotes in session only",
                _ => "synthetic market, trades around the clock",
            }));
        }
        else
        {
            builder.UseOrleansClient(client => client.AddDeltaStreamClient(configuration).AddDashboard());
            // A client gateway reads history from MongoDB itself; a co-hosted silo already registered it.
            if (MongoSettings.ConnectionString(configuration) is { } mongo)
            {
                builder.Services.AddDeltaStreamMongoHistory(configuration, mongo, write: false);
            }
        }

        return builder;
    }
}
