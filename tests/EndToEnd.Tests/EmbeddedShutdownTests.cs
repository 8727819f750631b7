using System.Diagnostics;
using System.Text.Json;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>The README's run command (embedded mode, memory storage, the synthetic feed), then Ctrl+C's SIGTERM.</summary>
public sealed class EmbeddedShutdownTests
{
    [Fact]
    public async Task An_embedded_gateway_whose_grains_hold_unsaved_ticks_shuts_down_with_exit_code_0_and_no_error_logged()
    {
        await using var gateway = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        });
        using var http = new HttpClient();
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();

        // The feed's ticks reach the grains well inside their 10 s persist interval, so their state is unsaved at the signal.
        while (!(await http.GetStringAsync(new Uri(gateway.BaseAddress, "metrics"), cancellationToken)).Contains("deltastream_grains_ticks_applied", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no ticks applied within 2 min:\n" + gateway.Output);
            await Task.Delay(100, cancellationToken);
        }

        var (_, exitCode) = await gateway.TerminateAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        var errors = gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => JsonDocument.Parse(line).RootElement.GetProperty("LogLevel").GetString() is "Error" or "Critical")
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} error lines, the first: {errors.FirstOrDefault()}");
    }
}
