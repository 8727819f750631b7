using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting.Telemetry;

/// <summary>
/// Whether this process records traces: when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (the OpenTelemetry
/// convention; the exporter reads its other OTEL_* variables itself), or when DeltaStream:Tracing:Enabled says so.
/// Off by default because every grain call would then start an activity.
/// </summary>
public static class TracingSettings
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string EnabledKey = "DeltaStream:Tracing:Enabled";

    public static bool ExportsToOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, ExportsToOtlp(configuration));
}
