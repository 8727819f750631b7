using DeltaStream.Ticks;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace DeltaStream.Hosting;

/// <summary>The Orleans client composition of a gateway that connects to separate silo processes.</summary>
public static class ClientBuilderExtensions
{
    public static IClientBuilder AddDeltaStreamClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddMarketReferenceData(configuration);
        var cluster = SiloBuilderExtensions.ClusterSettings(configuration);
        client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
        client.AddMemoryStreams(MarketStreams.ProviderName);
        client.AddDashboard();
        return client;
    }
}
