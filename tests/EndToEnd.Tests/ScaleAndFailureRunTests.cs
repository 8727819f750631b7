using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using DeltaStream.Providers.MongoDB.Tests;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using DeltaStream.Testing;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The scale-and-failure run: Redis, the MongoDB server, one silo, a gateway and a SignalR client, with the feed a
/// known producer (<see cref="TickProducer"/>: every symbol, its ticks countable, unlike the synthetic feed's); silos
/// are added up to three, then one gets SIGTERM and another SIGKILL while the feed runs. Every symbol's totals and last values
/// from the known producer must be exact (nothing lost, nothing twice). Queue ownership over time, REST errors,
/// SignalR gaps and epochs and recovery times are reported (test output, and DELTASTREAM_SCALE_REPORT when set).
/// DELTASTREAM_SCALE_TICKS sets the run's length (ticks per symbol; scripts/scale-run.sh runs a long one).
/// </summary>
public sealed class ScaleAndFailureRunTests
{
    private const int TicksPerEntry = 5;

    [Fact]
    public async Task Scaling_to_three_silos_then_sigterm_and_sigkill_loses_no_tick_and_applies_none_twice()
    {
        var ticks = int.TryParse(Environment.GetEnvironmentVariable("DELTASTREAM_SCALE_TICKS"), CultureInfo.InvariantCulture, out var configured) ? configured : 500;
        var ct = TestContext.Current.CancellationToken;
        var report = new RunReport();
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var mongo = new MongoServer();
        await mongo.InitializeAsync();
        const string clusterId = "scale-run";
        var common = HostProcess.DistributedEnvironment(redis.ConnectionString, clusterId);
        common["ConnectionStrings__MongoDB"] = mongo.ConnectionString(MongoServer.NewDatabaseName("scale"));
        var silos = new ConcurrentDictionary<int, HostProcess>();
        try
        {
            silos[0] = await StartSiloAsync(common);
            report.Event("silo 0 started");
            await using var gateway = await HostProcess.StartAsync("Gateway", common);
            await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
            using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
            var user = await TestAccounts.RegisterAsync(http, cancellationToken: ct);
            TestAccounts.Authorize(http, user);
            await using var live = await LiveChainClient.ConnectAsync(gateway.BaseAddress, user.Token, ct);
            var chains = TickProducer.Symbols.Select(s => new ChainId(s, TickProducer.ContractOf(s).Expiry)).ToArray();
            foreach (var chain in chains)
            {
                await live.Connection.InvokeAsync("SubscribeChain", chain.Symbol, chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "raw", ct);
            }

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var ownership = SampleOwnershipAsync(silos, report, sampling.Token);
            var rest = PollRestAsync(http, chains[0], report, sampling.Token);

            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var producer = new TickProducer(connection.GetDatabase(), new FeedPartitioner("deltastream", 8), source: "scale-check");
            var actions = new List<Task>();
            DateTime? killedAt = null;
            await producer.ProduceAsync(ticks, TicksPerEntry, async written =>
            {
                if (Crossed(written, ticks, 0.10))
                {
                    actions.Add(Task.Run(async () => { silos[1] = await StartSiloAsync(common); report.Event("silo 1 started"); }, ct));
                }
                else if (Crossed(written, ticks, 0.25))
                {
                    actions.Add(Task.Run(async () => { silos[2] = await StartSiloAsync(common); report.Event("silo 2 started"); }, ct));
                }
                else if (Crossed(written, ticks, 0.55))
                {
                    await Task.WhenAll(actions);
                    var (elapsed, code) = await silos[1].TerminateAsync(TimeSpan.FromSeconds(60));
                    silos.TryRemove(1, out _);
                    report.Event(FormattableString.Invariant($"silo 1 SIGTERM: exited {code} after {elapsed.TotalSeconds:F1} s"));
                }
                else if (Crossed(written, ticks, 0.75))
                {
                    killedAt = DateTime.UtcNow;
                    await silos[2].KillAsync();
                    silos.TryRemove(2, out _);
                    report.Event("silo 2 SIGKILL");
                }

                await Task.Delay(100, ct);
            });
            report.Event($"{ticks} ticks per symbol written");

            using var settle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            settle.CancelAfter(TimeSpan.FromMinutes(4));
            foreach (var symbol in TickProducer.Symbols)
            {
                var underlying = await WaitForAsync(cluster, c => c.GetGrain<IUnderlyingGrain>(symbol).GetSnapshot(), s => s.Spot == TickProducer.PriceOf(ticks), settle.Token);
                var (expiry, strike) = TickProducer.ContractOf(symbol);
                var chain = await WaitForAsync(cluster, c => c.GetGrain<IOptionChainGrain>(new ChainId(symbol, expiry).ToString()).GetSnapshot(),
                    s => s.Strikes.Any(r => r.Strike == strike && r.Call?.Volume == ticks), settle.Token);
                var call = chain.Strikes.Single(r => r.Strike == strike).Call!;
                report.Line(FormattableString.Invariant($"{symbol}: {underlying.Volume} underlying ticks applied of {ticks}, last {underlying.Spot}; call bid {call.Bid} oi {call.Oi} volume {call.Volume}"));
                Assert.Equal(ticks, underlying.Volume);
                Assert.Equal(TickProducer.PriceOf(1), underlying.Open);
                Assert.Equal((TickProducer.BidOf(ticks), TickProducer.OiOf(ticks)), (call.Bid, call.Oi));
            }

            report.Event("every symbol exact");
            await sampling.CancelAsync();
            await Task.WhenAll(ownership.ContinueWith(_ => { }, TaskScheduler.Default), rest.ContinueWith(_ => { }, TaskScheduler.Default));
            foreach (var chain in chains)
            {
                var log = live.Of(chain);
                report.Line(FormattableString.Invariant($"{chain}: {log.Updates} updates, {log.Epochs} epochs, {log.Gaps} gaps, new epoch after the SIGKILL: {(log.NewEpochAfter(killedAt!.Value) is { } at ? $"{(at - killedAt.Value).TotalSeconds:F1} s" : "none (its grain was not on the killed silo)")}"));
                Assert.Equal(0, log.Gaps);
            }
        }
        finally
        {
            foreach (var silo in silos.Values)
            {
                await silo.DisposeAsync();
            }

            await report.WriteAsync(TestContext.Current.TestOutputHelper);
        }
    }

    /// <summary>True for the one round that crosses <paramref name="fraction"/> of the run.</summary>
    private static bool Crossed(int written, int ticks, double fraction)
    {
        var mark = (int)(ticks * fraction);
        return written >= mark && written - TicksPerEntry < mark;
    }

    private static Task<HostProcess> StartSiloAsync(Dictionary<string, string> common)
    {
        var environment = new Dictionary<string, string>(common)
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Feed__Enabled"] = "false",
            ["DeltaStream__Grains__PersistInterval"] = "00:00:02",
            ["DeltaStream__Redis__TrimInterval"] = "00:00:00.200",
        };
        return HostProcess.StartAsync("Silo", environment);
    }

    /// <summary>Every second: which silo owns how many of the 8 queues (each silo's deltastream_redis_queues_owned on /metrics).</summary>
    private static async Task SampleOwnershipAsync(ConcurrentDictionary<int, HostProcess> silos, RunReport report, CancellationToken cancellationToken)
    {
        using var scrape = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        string? previous = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var owned = new List<string>();
            foreach (var (index, silo) in silos.OrderBy(s => s.Key))
            {
                try
                {
                    var metrics = await scrape.GetStringAsync(new Uri(silo.MetricsAddress, "metrics"), cancellationToken);
                    var gauge = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("deltastream_redis_queues_owned ", StringComparison.Ordinal));
                    owned.Add($"silo {index}: {gauge?[(gauge.LastIndexOf(' ') + 1)..] ?? "?"}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    owned.Add($"silo {index}: -");
                }
            }

            var line = string.Join(", ", owned);
            if (line != previous)
            {
                report.Event("queues owned: " + line);
                previous = line;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    /// <summary>A REST client reading a chain four times a second throughout; every failed answer is counted.</summary>
    private static async Task PollRestAsync(HttpClient http, ChainId chain, RunReport report, CancellationToken cancellationToken)
    {
        var path = $"api/v1/chains/{chain.Symbol}/{chain.Expiry:yyyy-MM-dd}";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                report.Rest(response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException ex)
            {
                report.Rest(ex.GetType().Name);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<T> WaitForAsync<T>(ClusterClient cluster, Func<IClusterClient, Task<T>> read, Func<T, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = await cluster.RetryAsync(read, cancellationToken);
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The run's timeline and figures.</summary>
    private sealed class RunReport
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<string> lines = new();
        private readonly ConcurrentDictionary<string, int> restErrors = new();
        private int restRequests;

        public void Event(string text) => lines.Enqueue(FormattableString.Invariant($"t={clock.Elapsed.TotalSeconds,6:F1} s  {text}"));

        public void Line(string text) => lines.Enqueue(text);

        public void Rest(string? error)
        {
            Interlocked.Increment(ref restRequests);
            if (error is not null)
            {
                restErrors.AddOrUpdate(error, 1, (_, n) => n + 1);
            }
        }

        public async Task WriteAsync(ITestOutputHelper? output)
        {
            var errors = restErrors.IsEmpty ? "none" : string.Join(", ", restErrors.Select(e => $"{e.Key}: {e.Value}"));
            var text = string.Join('\n', lines.Append($"REST: {restRequests} requests, errors: {errors}"));
            output?.WriteLine(text);
            if (Environment.GetEnvironmentVariable("DELTASTREAM_SCALE_REPORT") is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, text + "\n");
            }
        }
    }
}
