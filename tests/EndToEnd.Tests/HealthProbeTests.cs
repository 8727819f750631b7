using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Providers.Tests;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// /health/ready as Kubernetes reads it, on a silo and a client-mode gateway over a real redis-server: Degraded (200,
/// naming Redis) while Redis is away, Healthy once it is back, Unhealthy (503) on a gateway whose silo is gone.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Readiness_is_degraded_while_redis_is_away_and_unhealthy_only_when_no_silo_serves()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, "health-test");
        environment["DeltaStream__Feed__Enabled"] = "false";
        await using var silo = await HostProcess.StartAsync("Silo", environment);
        await using var gateway = await HostProcess.StartAsync("Gateway", environment);
        using var http = new HttpClient();

        foreach (var host in new[] { silo, gateway })
        {
            var (status, report) = await ReadyAsync(http, host);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", report.GetProperty("status").GetString());
            Assert.Equal("Healthy", Check(report, "redis"));
        }

        await redis.StopAsync();
        foreach (var host in new[] { silo, gateway })
        {
            var (status, report) = await ReadyUntilAsync(http, host, "Degraded");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", Check(report, "redis"));
            Assert.Equal("Healthy", Check(report, "orleans"));
        }

        await redis.StartAsync();
        foreach (var host in new[] { silo, gateway })
        {
            await ReadyUntilAsync(http, host, "Healthy");
        }

        await silo.KillAsync();
        var (noSilo, unhealthy) = await ReadyUntilAsync(http, gateway, "Unhealthy");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, noSilo);
        Assert.Equal("Unhealthy", Check(unhealthy, "orleans"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(gateway.BaseAddress, "health/live"), TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string? Check(JsonElement report, string name) => report.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync(HttpClient http, HostProcess host)
    {
        using var response = await http.GetAsync(new Uri(host.BaseAddress, "health/ready"), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>Polls: a probe is answered from the state of the moment, and the process offers no other signal.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Report)> ReadyUntilAsync(HttpClient http, HostProcess host, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ReadyAsync(http, host);
            if (answer.Report.GetProperty("status").GetString() == expected)
            {
                return answer;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{host.BaseAddress} still answers {answer.Report} instead of {expected}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
