using DeltaStream.Hosting;
using DeltaStream.Hosting.Health;
using DeltaStream.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeltaStream.Feed;

/// <summary>
/// The synthetic feed as its own process: an Orleans client that publishes ticks (to Redis Streams in distributed
/// mode, where ConnectionStrings:Redis is set; to a localhost silo's in-memory streams otherwise), with health
/// probes and /metrics (default http://localhost:8083; /metrics moves to a port of its own with DeltaStream:Metrics:Port).
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseDefaultUrl("http://localhost:8083");
        builder.UseOrleansClient(client => client.AddDeltaStreamClient(builder.Configuration));
        // Kestrel starts beside the cluster client, not after it: /health/live answers while the client still waits
        // for a silo, and /health/ready says it waits. The publisher starts once every hosted service has.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSyntheticFeed(builder.Configuration);
        builder.Services.AddDeltaStreamHealthChecks(builder.Configuration);
        builder.Services.AddDeltaStreamTracing(builder.Configuration, "deltastream-feed");
        builder.Services.AddDeltaStreamMetrics();
        builder.Services.AddDeltaStreamMetricsEndpoint(builder.Configuration, ownPortWhenDistributed: false);

        var app = builder.Build();
        app.MapDeltaStreamHealth();
        app.MapDeltaStreamMetrics(app.Configuration, ownPortWhenDistributed: false);
        app.Run();
    }
}
