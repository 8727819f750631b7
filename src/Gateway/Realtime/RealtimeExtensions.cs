using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Gateway.Realtime.Protocol;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime;

internal static class RealtimeExtensions
{
    public static IServiceCollection AddMarketHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR()
            .AddJsonProtocol(o => JsonConventions.Apply(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = JsonShapeResolver.Options);
        services.AddSingleton<ConnectionOutboxes>();
        services.AddSingleton<HubLifetimeManager<MarketHub>, OutboxHubLifetimeManager>();
        services.AddSingleton<MarketUpdateRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketUpdateRelay>());
        return services;
    }

    public static IEndpointRouteBuilder MapMarketHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<MarketHub>(MarketHub.Path);
        return endpoints;
    }
}
