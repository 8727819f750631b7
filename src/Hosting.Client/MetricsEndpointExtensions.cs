using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace DeltaStream.Hosting;

/// <summary>
/// Where a host serves /metrics: on a port of its own (DeltaStream:Metrics:Port), which a deployment keeps inside the
/// cluster network for Prometheus while the API's port faces clients, or on the API's port. A host whose API port
/// faces clients (the gateway) defaults to its own port, <see cref="DistributedDefaultPort"/>, in distributed mode;
/// every other case defaults to the API's port.
/// </summary>
public static class MetricsEndpointExtensions
{
    public const string PortKey = "DeltaStream:Metrics:Port";

    /// <summary>The Prometheus exporter port OpenTelemetry registered, used by no other DeltaStream listener.</summary>
    public const int DistributedDefaultPort = 9464;

    /// <summary>The separate port, or null to serve on the API's: 0 chooses the API's port in any mode.</summary>
    /// <param name="ownPortWhenDistributed">Whether this host defaults to its own port in distributed mode.</param>
    public static int? Port(IConfiguration configuration, bool ownPortWhenDistributed)
    {
        var configured = configuration.GetValue<int?>(PortKey);
        if (configured is { } port)
        {
            return port == 0 ? null : port;
        }

        return ownPortWhenDistributed && DeploymentMode.IsDistributed(configuration) ? DistributedDefaultPort : null;
    }

    public static IServiceCollection AddDeltaStreamMetricsEndpoint(this IServiceCollection services, IConfiguration configuration, bool ownPortWhenDistributed)
    {
        if (Port(configuration, ownPortWhenDistributed) is { } port)
        {
            services.AddMetricServer(o => o.Port = checked((ushort)port));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapDeltaStreamMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration, bool ownPortWhenDistributed)
    {
        if (Port(configuration, ownPortWhenDistributed) is null)
        {
            endpoints.MapMetrics();
        }

        return endpoints;
    }
}
