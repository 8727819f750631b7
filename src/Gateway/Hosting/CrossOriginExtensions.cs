using Microsoft.AspNetCore.HostFiltering;

namespace DeltaStream.Gateway.Hosting;

/// <summary>
/// Which browser origins may call the API (DeltaStream:Cors:Origins) and which Host headers are served
/// (AllowedHosts). Unset, both are open in embedded mode (one machine, a developer's) and closed elsewhere:
/// no cross-origin caller, and only loopback host names.
/// </summary>
internal static class CrossOriginExtensions
{
    public const string OriginsKey = "DeltaStream:Cors:Origins";
    private const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    public static IServiceCollection AddDeltaStreamCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(OriginsKey).Get<string[]>() ?? [];
        var embedded = GatewayMode.IsEmbedded(configuration);
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                // Credentials for SignalR's negotiate from a browser; only ever with a configured list of origins.
                policy.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "DELETE").AllowCredentials().WithExposedHeaders("Retry-After");
            }
            else if (embedded)
            {
                policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST", "DELETE").WithExposedHeaders("Retry-After");
            }
        }));

        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && !embedded)
        {
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = LoopbackHosts.Split(';'));
        }

        return services;
    }
}
