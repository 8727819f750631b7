using System.Diagnostics;
using System.Text.Json;
using DeltaStream.Testing;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The hosts' console logs as a log shipper (Loki's promtail, Fluent Bit) reads them: one JSON object a line.</summary>
public sealed class StructuredLogTests
{
    [Fact]
    public async Task The_gateway_logs_json_lines_that_carry_the_trace_id_of_the_request()
    {
        await using var gateway = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            // Request logging, off by default, gives a log line inside the request.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var traceId = ActivityTraceId.CreateRandom().ToString();
        using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/underlyings");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        (await http.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        while (!Lines(gateway.Output).Any(l => l.TryGetProperty("Scopes", out var scopes)
                   && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no log line with trace id " + traceId + ":\n" + gateway.Output);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.All(gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        Assert.All(Lines(gateway.Output), l => Assert.True(l.TryGetProperty("Timestamp", out _) && l.TryGetProperty("LogLevel", out _) && l.TryGetProperty("Category", out _)));
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
