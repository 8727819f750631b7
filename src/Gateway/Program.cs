using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.Api.Analytics;
using DeltaStream.Gateway.Api.Pricing;
using DeltaStream.Hosting.Health;
using DeltaStream.Hosting.Telemetry;
using DeltaStream.Gateway.Hosting;
using DeltaStream.Gateway.Realtime;
using DeltaStream.Hosting;
using Orleans.Dashboard;
using Prometheus;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:8080");
builder.AddDeltaStreamOrleans();
builder.Services.AddDeltaStreamApi();
builder.Services.AddMarketHub(builder.Configuration);
builder.Services.AddDeltaStreamHealthChecks(builder.Configuration);
builder.Services.AddDeltaStreamTracing(builder.Configuration, "deltastream-gateway");
builder.Services.AddDeltaStreamMetrics();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseHttpMetrics();
app.MapOpenApi();
app.MapMarketDataApi();
app.MapPricingApi();
app.MapAnalyticsApi();
app.MapMarketHub();
app.MapDeltaStreamHealth();
app.MapMetrics();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
