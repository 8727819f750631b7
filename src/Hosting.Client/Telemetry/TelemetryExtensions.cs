using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DeltaStream.Hosting.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The activity sources traced: incoming HTTP, SignalR hub invocations, and Orleans grain calls.</summary>
    public static readonly string[] Sources =
    [
        "Microsoft.AspNetCore.SignalR.Server",
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
    ];

    /// <summary>
    /// OpenTelemetry tracing when <see cref="TracingSettings.IsEnabled"/>: REST requests and hub calls, and the
    /// grain calls they make (Orleans propagates the trace through calls once activity propagation is added to the
    /// silo and client builders, which the DeltaStream compositions do under the same setting); spans go to the
    /// OTLP endpoint when one is configured.
    /// </summary>
    public static IServiceCollection AddDeltaStreamTracing(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TracingSettings.IsEnabled(configuration))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path))
                    .AddSource(Sources);
                if (TracingSettings.ExportsToOtlp(configuration))
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }

    // Probes and scrapes arrive every few seconds and say nothing about a user's request.
    private static bool IsProbeOrScrape(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}
