using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Hosting.Health;

public static class HealthExtensions
{
    /// <summary>The tag of the checks /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddDeltaStreamHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("orleans", tags: [ReadyTag])
            .AddCheck<GrainStorageHealthCheck>("grain-storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/health/live: the process serves requests. /health/ready: the cluster answers too.</summary>
    public static IEndpointRouteBuilder MapDeltaStreamHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteStatusAsync });
        return endpoints;
    }

    /// <summary>The overall status, then one line per check that is not healthy, naming the dependency and why.</summary>
    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" - ").Append(entry.Description);
        }

        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
