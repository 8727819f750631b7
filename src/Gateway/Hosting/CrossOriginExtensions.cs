using DeltaStream.Hosting.Operators;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeltaStream.Gateway.Hosting;

/// <summary>
/// Which browser origins may call the API (DeltaStream:Cors:Origins) and which Host headers are served
/// (AllowedHosts). Unset, any origin is allowed only in embedded mode while every listener is loopback (one machine,
/// a developer's), none otherwise; and only loopback host names are served, in every mode.
/// </summary>
internal static class CrossOriginExtensions
{
    public const string OriginsKey = "DeltaStream:Cors:Origins";
    public const string AllowedHostsKey = "AllowedHosts";
    public const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    public static IServiceCollection AddDeltaStreamCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(OriginsKey).Get<string[]>() ?? [];
        services.AddCors(o =>
        {
            if (origins.Length > 0)
            {
                // Credentials for SignalR's negotiate from a browser; only ever with a configured list of origins.
                o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "DELETE").AllowCredentials().WithExposedHeaders("Retry-After"));
            }
            else if (GatewayMode.IsEmbedded(configuration))
            {
                o.AddPolicy(LoopbackCorsPolicyProvider.AnyOriginPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST", "DELETE").WithExposedHeaders("Retry-After"));
            }
        });
        services.TryAddSingleton<LocalListeners>();
        services.AddSingleton<ICorsPolicyProvider, LoopbackCorsPolicyProvider>();

        // ASP.NET Core's own default is "*"; a Host header naming this gateway some other way is a 400 unless listed.
        if (string.IsNullOrWhiteSpace(configuration[AllowedHostsKey]))
        {
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = LoopbackHosts.Split(';'));
        }

        return services;
    }
}
