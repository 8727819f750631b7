using Prometheus;

namespace DeltaStream.Gateway.Hosting;

/// <summary>/metrics on the API's port, or (DeltaStream:Metrics:Port) on a port of its own that can stay inside the cluster network.</summary>
internal static class MetricsEndpointExtensions
{
    public const string PortKey = "DeltaStream:Metrics:Port";

    public static IServiceCollection AddDeltaStreamMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<int?>(PortKey) is { } port)
        {
            services.AddMetricServer(o => o.Port = (ushort)port);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapDeltaStreamMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetValue<int?>(PortKey) is null)
        {
            endpoints.MapMetrics();
        }

        return endpoints;
    }
}
