using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Gateway.Realtime.Protocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace DeltaStream.Gateway.Realtime;

internal static class RealtimeExtensions
{
    public static IServiceCollection AddMarketHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(o => o.AddFilter<HubRateLimitFilter>())
            .AddJsonProtocol(o => JsonConventions.Apply(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = JsonShapeResolver.Options);
        AllowOptionalArguments<MarketHub>(services);
        services.AddSingleton<ConnectionOutboxes>();
        services.AddSingleton<HubLifetimeManager<MarketHub>, OutboxHubLifetimeManager>();
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

    /// <summary>Wraps every registered hub protocol so clients may omit <typeparamref name="THub"/>'s trailing default parameters.</summary>
    private static void AllowOptionalArguments<THub>(IServiceCollection services)
        where THub : Hub
    {
        var protocols = services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType is not null).ToList();
        foreach (var protocol in protocols)
        {
            services.Remove(protocol);
            services.AddSingleton<IHubProtocol>(sp =>
                new OptionalArgumentsHubProtocol((IHubProtocol)ActivatorUtilities.CreateInstance(sp, protocol.ImplementationType!), typeof(THub)));
        }
    }
}
