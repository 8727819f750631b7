using System.Globalization;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// SIGTERM of a silo process in distributed mode, as Kubernetes sends it when it scales a silo down, just after its
/// peer's node vanished: the peer is frozen (SIGSTOP), so every call and gossip to it waits for a timeout.
/// </summary>
public sealed class SiloShutdownTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_silo_sent_sigterm_right_after_its_peer_went_silent_exits_cleanly_within_its_shutdown_timeout()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, "shutdown-test");
        environment["DeltaStream__Feed__Enabled"] = "false";
        environment["DeltaStream__Cluster__ShutdownTimeout"] = ShutdownTimeout.ToString("c", CultureInfo.InvariantCulture);
        await using var survivor = await HostProcess.StartAsync("Silo", environment);
        await using var peer = await HostProcess.StartAsync("Silo", new Dictionary<string, string>(environment)
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
        });

        // Both silos hold work before the peer dies (queues they read, or grains that applied ticks; placement may put
        // every grain on one of them): ticks flow until each does.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var partitioner = new FeedPartitioner("deltastream", 8);
        using var http = new HttpClient();
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var seq = 1; !(await HoldsWorkAsync(http, survivor, cancellationToken) && await HoldsWorkAsync(http, peer, cancellationToken)); seq++)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"both silos did not hold work within 3 min:\n{survivor.Output}\n---\n{peer.Output}");
            foreach (var symbol in TickProducer.Symbols)
            {
                var data = string.Create(CultureInfo.InvariantCulture,
                    $$"""[{"kind":"underlying","symbol":"{{symbol}}","ts":"{{DateTime.UtcNow:O}}","seq":{{seq}},"price":{{TickProducer.PriceOf(seq)}},"volume":1}]""");
                await connection.GetDatabase().StreamAddAsync(partitioner.StreamKey(partitioner.PartitionOf(symbol)), FeedEntryFormat.DataField, data);
            }

            await Task.Delay(100, cancellationToken);
        }

        await peer.FreezeAsync();
        var (elapsed, exitCode) = await survivor.TerminateAsync(ShutdownTimeout * 4);

        TestContext.Current.TestOutputHelper?.WriteLine($"SIGTERM to exit: {elapsed.TotalSeconds:F1} s (shutdown timeout {ShutdownTimeout.TotalSeconds} s)");
        Assert.True(elapsed < ShutdownTimeout, $"exit took {elapsed}:\n{survivor.Output}");
        Assert.Equal(0, exitCode);
    }

    private static async Task<bool> HoldsWorkAsync(HttpClient http, HostProcess silo, CancellationToken cancellationToken)
    {
        var metrics = await http.GetStringAsync(new Uri(silo.MetricsAddress, "metrics"), cancellationToken);
        return metrics.Contains("deltastream_grains_ticks_applied", StringComparison.Ordinal) || metrics.Contains("deltastream_redis_queue_lag{", StringComparison.Ordinal);
    }
}
