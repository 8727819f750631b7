using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeltaStream.Hosting.Health;

/// <summary>
/// Unhealthy when this process cannot serve: a silo that is not an active cluster member, or a client connected to
/// no silo gateway. Both read the process's own view of the cluster, never the membership table, so a Redis outage
/// (which the redis check reports as Degraded) does not make the process look dead.
/// </summary>
internal sealed class ClusterHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IClusterMembershipService>() is { } membership)
        {
            var snapshot = membership.CurrentSnapshot;
            var status = snapshot.GetSiloStatus(services.GetRequiredService<ILocalSiloDetails>().SiloAddress);
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return Task.FromResult(status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"{active} active silo(s)")
                : HealthCheckResult.Unhealthy($"this silo is {status}, not an active member"));
        }

        var gateways = services.GetRequiredService<GatewayConnections>().Connected;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"connected to {gateways} silo gateway(s)")
            : HealthCheckResult.Unhealthy("connected to no silo gateway"));
    }
}
