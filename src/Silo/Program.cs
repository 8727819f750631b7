using DeltaStream.Feed;
using DeltaStream.Hosting;
using DeltaStream.Hosting.Health;
using Orleans.Dashboard;
using Prometheus;

// A silo process: grains, streams and storage, the synthetic feed (DeltaStream:Feed:Enabled), and an HTTP
// endpoint for the dashboard, /metrics and health probes (default http://localhost:8081).
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.UseDeltaStreamClustering(builder.Configuration).AddDeltaStreamSilo(builder.Configuration));
builder.Services.AddSyntheticFeed(builder.Configuration);
builder.Services.AddDeltaStreamHealthChecks();
builder.Services.AddDeltaStreamMetrics();

var app = builder.Build();
app.MapDeltaStreamHealth();
app.MapMetrics();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();
