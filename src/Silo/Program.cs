using DeltaStream.Feed;
using DeltaStream.Hosting;
using DeltaStream.Hosting.Health;
using DeltaStream.Hosting.Operators;
using DeltaStream.Hosting.Telemetry;
using Orleans.Dashboard;

// A silo process: grains, streams and storage, the synthetic feed (DeltaStream:Feed:Enabled), and an HTTP
// endpoint for the dashboard, /metrics and health probes (default http://localhost:8081; /metrics moves to a port
// of its own with DeltaStream:Metrics:Port). The dashboard (live log
// stream, cluster statistics) is the operator's: it always asks for DeltaStream:Auth:OperatorUsername/OperatorPassword,
// as the gateway's does outside embedded mode.
var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:8081");
builder.UseOrleans(silo => silo.UseDeltaStreamClustering(builder.Configuration).AddDeltaStreamSilo(builder.Configuration));
builder.Services.AddSyntheticFeed(builder.Configuration);
builder.Services.AddDeltaStreamHealthChecks(builder.Configuration);
builder.Services.AddDeltaStreamTracing(builder.Configuration, "deltastream-silo");
builder.Services.AddDeltaStreamMetrics();
builder.Services.AddDeltaStreamMetricsEndpoint(builder.Configuration, ownPortWhenDistributed: false);
builder.Services.AddDeltaStreamOperatorAccess(builder.Configuration, openWhileLocal: false);

var app = builder.Build();
app.MapDeltaStreamHealth();
app.MapDeltaStreamMetrics(app.Configuration, ownPortWhenDistributed: false);
app.UseAuthentication();
app.UseAuthorization();
app.MapOrleansDashboard(routePrefix: "/dashboard").RequireOperator();
app.Run();
