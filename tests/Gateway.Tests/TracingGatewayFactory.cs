using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DeltaStream.Gateway.Tests;

/// <summary>An embedded gateway with tracing on (DeltaStream:Tracing:Enabled) that records every span it ends.</summary>
public sealed class TracingGatewayFactory : TestGatewayFactory
{
    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyCollection<Activity> Spans => spans;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DeltaStream:Tracing:Enabled", "true");
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Recorder(spans))));
    }

    private sealed class Recorder(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
