using DeltaStream.Providers.MongoDB.History;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeltaStream.Hosting.Health;

/// <summary>
/// Degraded (still ready: live data does not need MongoDB) while MongoDB is unreachable or history writes fail,
/// naming the dependency; healthy again by itself when it returns.
/// </summary>
internal sealed class MongoHealthCheck(MongoHistoryStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await status.ProblemAsync(cancellationToken);
        return problem is null ? HealthCheckResult.Healthy("MongoDB answers") : HealthCheckResult.Degraded(problem);
    }
}
