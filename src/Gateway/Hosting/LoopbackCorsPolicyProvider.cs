using DeltaStream.Hosting.Operators;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Hosting;

/// <summary>
/// The configured origins' policy when there is one; else the any-origin policy (registered in embedded mode only)
/// while every listener is loopback, so a gateway reachable from other machines never answers any origin.
/// </summary>
internal sealed class LoopbackCorsPolicyProvider(IOptions<CorsOptions> options, LocalListeners listeners) : ICorsPolicyProvider
{
    public const string AnyOriginPolicy = "embedded-any-origin";

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var cors = options.Value;
        var policy = cors.GetPolicy(policyName ?? cors.DefaultPolicyName)
            ?? (listeners.AllLocal ? cors.GetPolicy(AnyOriginPolicy) : null);
        return Task.FromResult(policy);
    }
}
