using DeltaStream.Hosting.Health;
using DeltaStream.Hosting.Security;
using DeltaStream.Hosting.Telemetry;
using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;
using Orleans.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeltaStream.Hosting;

/// <summary>The Orleans client composition of processes (gateway, feed) that connect to separate silo processes.</summary>
public static class ClientBuilderExtensions
{
    public static IClientBuilder AddDeltaStreamClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddMarketReferenceData(configuration);
        client.Services.AddSingleton<GatewayConnections>();
        client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayConnections>());
        var cluster = DeltaStreamClusterOptions.Read(configuration);
        client.UseDeltaStreamTls(configuration);
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration.Parse(redis));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            client.AddRedisStreams(MarketStreams.ProviderName, RedisSettings.Streams(configuration, redis));
        }
        else
        {
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            client.AddMemoryStreams(MarketStreams.ProviderName);
        }

        if (TracingSettings.IsEnabled(configuration))
        {
            client.AddActivityPropagation();
        }

        return client;
    }
}
