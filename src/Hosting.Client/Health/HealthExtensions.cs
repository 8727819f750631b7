using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeltaStream.Hosting.Health;

public static class HealthExtensions
{
    /// <summary>Checks with this tag decide /health/ready; a storage provider adds its own with FailureStatus Degraded.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The cluster check (Unhealthy: this process cannot serve) and, in distributed mode, Redis (Degraded: live data
    /// still flows from grain state while Redis is away).
    /// </summary>
    public static IServiceCollection AddDeltaStreamHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans", tags: [ReadyTag]);
        if (DeploymentMode.RedisConnectionString(configuration) is { } redis)
        {
            // One instance (and one Redis connection) for every probe: a registration's factory runs on each check.
            services.AddSingleton(new RedisHealthCheck(redis));
            checks.Add(new HealthCheckRegistration("redis", sp => sp.GetRequiredService<RedisHealthCheck>(), HealthStatus.Degraded, [ReadyTag]));
        }

        return services;
    }

    /// <summary>
    /// /health/live: the process serves requests (no check runs). /health/ready: 200 when Healthy or Degraded,
    /// 503 only when Unhealthy; the JSON body names each check's status.
    /// </summary>
    public static IEndpointRouteBuilder MapDeltaStreamHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync });
        return endpoints;
    }
}
