using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using DeltaStream.Testing;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Distributed mode as separate processes on loopback: a silo process killed with SIGKILL mid-stream and started
/// again loses nothing and applies nothing twice.
/// </summary>
public sealed class SiloCrashTests
{
    private const int Ticks = 300;

    [Fact]
    public async Task A_silo_process_killed_with_sigkill_and_restarted_applies_every_tick_exactly_once()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, "crash-test");
        environment["DeltaStream__Feed__Enabled"] = "false";
        environment["DeltaStream__Grains__PersistInterval"] = "00:00:00.500";
        environment["DeltaStream__Redis__TrimInterval"] = "00:00:00.200";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var producer = new TickProducer(connection.GetDatabase(), new FeedPartitioner("deltastream", 8));
        var silo = await HostProcess.StartAsync("Silo", environment);
        try
        {
            await producer.ProduceAsync(Ticks, ticksPerEntry: 5, async written =>
            {
                if (written == Ticks / 2)
                {
                    await silo.KillAsync();
                    silo = await HostProcess.StartAsync("Silo", environment);
                }
            });

            await using var gateway = await HostProcess.StartAsync("Gateway", environment);
            using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            foreach (var symbol in TickProducer.Symbols)
            {
                JsonElement session;
                // Poll the served state until the last tick shows; the processes offer no other signal.
                while ((session = await http.GetFromJsonAsync<JsonElement>($"api/v1/underlyings/{symbol}", cts.Token)).GetProperty("spot") is var spot
                       && (spot.ValueKind != JsonValueKind.Number || spot.GetDouble() != TickProducer.PriceOf(Ticks)))
                {
                    await Task.Delay(100, cts.Token);
                }

                Assert.Equal(Ticks, session.GetProperty("volume").GetInt64());
                Assert.Equal(TickProducer.PriceOf(1), session.GetProperty("open").GetDouble());
            }
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }
}
