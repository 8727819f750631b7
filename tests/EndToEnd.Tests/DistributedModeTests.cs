using System.Net;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Distributed mode as the README starts it: Redis on loopback, then src/Silo, src/Gateway and src/Feed as processes,
/// with a second producer writing the same symbol under its own src, and the feed process killed and restarted.
/// </summary>
public sealed class DistributedModeTests
{
    [Fact]
    public async Task Silo_gateway_and_feed_processes_serve_the_feed_ticks_written_by_hand_and_a_restarted_feed()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, "distributed-test");
        await using var silo = await HostProcess.StartAsync("Silo", new Dictionary<string, string>(environment) { ["DeltaStream__Feed__Enabled"] = "false" });
        await using var gateway = await HostProcess.StartAsync("Gateway", environment);
        var feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
        using var http = await TestAccounts.SignedInClientAsync(gateway.BaseAddress, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var expiry = (await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/NIFTY", cts.Token)).GetProperty("expiries")[0].GetString()!;

        // The feed process's ticks reach the chain through Redis.
        JsonElement chain;
        while ((chain = await http.GetFromJsonAsync<JsonElement>($"api/v1/chains/NIFTY/{expiry}", cts.Token)).GetProperty("strikes").GetArrayLength() < 21)
        {
            await Task.Delay(100, cts.Token);
        }

        Assert.Equal(JsonValueKind.Number, chain.GetProperty("spot").ValueKind);

        // A distributed gateway serves /metrics on a port of its own (here a free one), not on the API's; the
        // meter adapter publishes on its own interval, so the first scrape may precede the series.
        using var scrape = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await scrape.GetAsync(new Uri(gateway.BaseAddress, "metrics"), cts.Token)).StatusCode);
        while (!(await scrape.GetStringAsync(new Uri(gateway.MetricsAddress, "metrics"), cts.Token)).Contains("http_requests_received_total", StringComparison.Ordinal))
        {
            await Task.Delay(200, cts.Token);
        }

        // Another program writing the same symbol under its own src, numbering from 1, is applied beside the feed.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var partitioner = new FeedPartitioner("deltastream", 8);
        var data = string.Create(CultureInfo.InvariantCulture,
            $$"""[{"kind":"option","symbol":"NIFTY","src":"my-program","expiry":"{{expiry}}","strike":34000,"right":"C","ts":"{{DateTime.UtcNow:O}}","seq":1,"bid":0.05,"ask":0.1,"last":0.05,"volume":1,"oi":424242}]""");
        await connection.GetDatabase().StreamAddAsync(partitioner.StreamKey(partitioner.PartitionOf("NIFTY")), "data", data);
        while (!(await http.GetFromJsonAsync<JsonElement>($"api/v1/chains/NIFTY/{expiry}", cts.Token)).GetProperty("strikes").EnumerateArray()
                   .Any(s => s.GetProperty("strike").GetDouble() == 34000 && s.GetProperty("call").GetProperty("oi").GetInt64() == 424242))
        {
            await Task.Delay(100, cts.Token);
        }

        // The feed process killed and started again resumes above its last sequence: its ticks keep being applied.
        await feed.KillAsync();
        // The feed's last NIFTY entry (the newest with an underlying tick): once the served spot time is its, all is applied.
        var lastTick = (await connection.GetDatabase().StreamRangeAsync(partitioner.StreamKey(partitioner.PartitionOf("NIFTY")), "-", "+", 200, Order.Descending))
            .Select(e => FeedEntryFormat.Decode(e[FeedEntryFormat.DataField].ToString()).Batch)
            .First(b => b is { Underlying.Length: > 0 })!.Underlying[^1];
        while ((await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/NIFTY", cts.Token)).GetProperty("updatedAt").GetDateTime().ToUniversalTime() != lastTick.Timestamp)
        {
            await Task.Delay(100, cts.Token);
        }

        var before = await VolumeAsync(http, cts.Token);
        feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
        try
        {
            while (await VolumeAsync(http, cts.Token) <= before)
            {
                await Task.Delay(100, cts.Token);
            }

            Assert.Contains("NIFTY resumes after sequence", feed.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("NIFTY resumes after sequence 0", feed.Output, StringComparison.Ordinal);
        }
        finally
        {
            await feed.DisposeAsync();
        }
    }

    private static async Task<long> VolumeAsync(HttpClient http, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<JsonElement>("api/v1/underlyings/NIFTY", cancellationToken)).GetProperty("volume").GetInt64();
}
