using DeltaStream.Gateway.Api.Limits;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Gateway.Realtime.Protocol;
using DeltaStream.Gateway.Realtime.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime;

internal static class RealtimeExtensions
{
    private static readonly TimeSpan TransportSendMargin = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddMarketHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(o => o.AddFilter<HubRateLimitFilter>())
            .AddJsonProtocol(o => JsonConventions.Apply(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = JsonShapeResolver.Options);
        AllowOptionalArguments<MarketHub>(services);
        services.AddSingleton<RealtimeMetrics>();
        services.AddSingleton<ConnectionOutboxes>();
        services.AddSingleton<HubLifetimeManager<MarketHub>, OutboxHubLifetimeManager>();
        services.AddSingleton<MarketUpdateRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketUpdateRelay>());
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        return services;
    }

    public static IEndpointRouteBuilder MapMarketHub(this IEndpointRouteBuilder endpoints)
    {
        // Connecting needs a token (Authorization header or access_token query) or an X-API-Key. SignalR closes a
        // connection whose single send has waited TransportSendTimeout (10 s by default, the outbox bound's default
        // too): left there it dropped frozen clients first, uncounted. Set past the bound, the outbox drops them (and
        // counts outbox.aborted); SignalR's close stays the backstop for a stuck send no new message follows.
        // A JWT connection closes when its token expires (API keys carry no expiry); the page renews and reconnects.
        var behindTimeout = endpoints.ServiceProvider.GetRequiredService<IOptions<OutboxOptions>>().Value.BehindTimeout;
        endpoints.MapHub<MarketHub>(MarketHub.Path, o =>
        {
            o.TransportSendTimeout = behindTimeout + TransportSendMargin;
            o.CloseOnAuthenticationExpiration = true;
        }).RequireAuthorization().WithBodyLimit(RequestBodyLimit.Hub);
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
