using DeltaStream.Feed;
using DeltaStream.Hosting;
using DeltaStream.Hosting.Health;
using DeltaStream.Hosting.Telemetry;
using Orleans.Dashboard;
using Prometheus;

// A silo process: grains, streams and storage, the synthetic feed (DeltaStream:Feed:Enabled), and an HTTP
// endpoint for the dashboard, /metrics and health probes (default http://localhost:8081).
var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:8081");
builder.UseOrleans(silo => silo.UseDeltaStreamClustering(builder.Configuration).AddDeltaStreamSilo(builder.Configuration));
builder.Services.AddSyntheticFeed(builder.Configuration);
builder.Services.AddDeltaStreamHealthChecks(builder.Configuration);
builder.Services.AddDeltaStreamTracing(builder.Configuration, "deltastream-silo");
builder.Services.AddDeltaStreamMetrics();

var app = builder.Build();
app.MapDeltaStreamHealth();
app.MapMetrics();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();
