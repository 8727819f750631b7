using DeltaStream.Grains.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeltaStream.Hosting.Health;

/// <summary>
/// Degraded (still ready: live data keeps flowing) while grains of this process are behind on their state writes;
/// their ticks stay in the tick log until the writes succeed, so nothing is lost meanwhile.
/// </summary>
internal sealed class GrainStorageHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(GrainStorageHealth.GrainsBehind is var behind and > 0
            ? HealthCheckResult.Degraded($"grain storage: {behind} grain(s) behind on state writes (failing or overdue); retrying")
            : HealthCheckResult.Healthy("grain storage writes are current"));
}
