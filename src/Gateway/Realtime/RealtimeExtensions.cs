using DeltaStream.Gateway.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime;

internal static class RealtimeExtensions
{
    public static IServiceCollection AddMarketHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(o => o.AddFilter<HubRateLimitFilter>()).AddJsonProtocol(o => JsonConventions.Apply(o.PayloadSerializerOptions));
        services.AddSingleton<MarketUpdateRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketUpdateRelay>());
        return services;
    }

    public static IEndpointRouteBuilder MapMarketHub(this IEndpointRouteBuilder endpoints)
    {
        // Connecting needs a token (Authorization header or access_token query) or an X-API-Key.
        endpoints.MapHub<MarketHub>(MarketHub.Path).RequireAuthorization();
        return endpoints;
    }
}
