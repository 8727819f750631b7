using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>Distributed mode as the README starts it: Redis on loopback, then src/Silo, src/Gateway and src/Feed as processes.</summary>
public sealed class DistributedModeTests
{
    [Fact]
    public async Task Silo_gateway_and_feed_processes_serve_the_feed_and_ticks_written_by_hand_with_xadd()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, "distributed-test");
        await using var silo = await HostProcess.StartAsync("Silo", new Dictionary<string, string>(environment) { ["DeltaStream__Feed__Enabled"] = "false" });
        await using var gateway = await HostProcess.StartAsync("Gateway", environment);
        await using var feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
        using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var expiry = (await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/NIFTY", cts.Token)).GetProperty("expiries")[0].GetString()!;

        // The feed process's ticks reach the chain through Redis.
        JsonElement chain;
        while ((chain = await http.GetFromJsonAsync<JsonElement>($"api/v1/chains/NIFTY/{expiry}", cts.Token)).GetProperty("strikes").GetArrayLength() < 21)
        {
            await Task.Delay(100, cts.Token);
        }

        Assert.Equal(JsonValueKind.Number, chain.GetProperty("spot").ValueKind);

        // A tick written by hand, above the feed's sequence, shows in the REST chain.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var partitioner = new FeedPartitioner("deltastream", 8);
        var seq = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000) * 1000;
        var data = string.Create(CultureInfo.InvariantCulture,
            $$"""[{"kind":"option","symbol":"NIFTY","expiry":"{{expiry}}","strike":99950,"right":"C","ts":"{{DateTime.UtcNow:O}}","seq":{{seq}},"bid":0.05,"ask":0.1,"last":0.05,"volume":1,"oi":424242}]""");
        await connection.GetDatabase().StreamAddAsync(partitioner.StreamKey(partitioner.PartitionOf("NIFTY")), "data", data);
        while (!(await http.GetFromJsonAsync<JsonElement>($"api/v1/chains/NIFTY/{expiry}", cts.Token)).GetProperty("strikes").EnumerateArray()
                   .Any(s => s.GetProperty("strike").GetDouble() == 99950 && s.GetProperty("call").GetProperty("oi").GetInt64() == 424242))
        {
            await Task.Delay(100, cts.Token);
        }
    }
}
