using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DeltaStream.Gateway.Tests;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using DeltaStream.Providers.Tests;
using DeltaStream.Testing;
using DeltaStream.Ticks;
using Orleans.Core.Internal;
using Orleans.Runtime.Placement;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Issue 11's run as a reviewer stages it, in one go across processes: Redis, two silo processes, the synthetic feed
/// process and a gateway process; 499 real SignalR clients spread over every chain (one in twenty at <c>raw</c>, one
/// in twenty at <c>100ms</c>, the rest at <c>1s</c>: the harness shares the two cores and reads every message whole),
/// and one raw WebSocket that subscribes to every chain and never reads. While the feed runs, a chain's
/// grain is moved to the other silo, then the silo hosting most chains is killed with SIGKILL. No healthy client
/// may see an update that does not continue its chain, or wait for the frozen client until it is dropped; once the
/// feed stops, every healthy client's chain (its snapshot with its updates applied) must equal its grain's state
/// field by field.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class LiveUnderFaultsRunTests
{
    private const int HealthyClients = 499;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task With_a_frozen_client_a_moved_grain_and_a_killed_silo_every_other_clients_chain_stays_exact()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        const string clusterId = "live-faults";
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, clusterId);
        var siloEnvironments = new[] { HostProcess.SiloWithoutFeed(redis.ConnectionString, clusterId), HostProcess.SiloWithoutFeed(redis.ConnectionString, clusterId) };
        HostProcess[] silos = [await HostProcess.StartAsync("Silo", siloEnvironments[0]), await HostProcess.StartAsync("Silo", siloEnvironments[1])];
        var clients = new List<ChainReplicaClient>();
        try
        {
            await using var feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
            await using var gateway = await HostProcess.StartAsync("Gateway", environment);
            await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
            using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
            var user = await TestAccounts.RegisterAsync(http, cancellationToken: ct);
            var now = DateTime.UtcNow;
            var chains = DefaultInstruments.Create().SelectMany(i => ExpiryCalendar.UpcomingExpiries(i, now).Select(e => new ChainId(i.Symbol, e))).ToArray();
            for (var batch = 0; batch < HealthyClients; batch += 50)
            {
                clients.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, HealthyClients - batch)).Select(i =>
                    ChainReplicaClient.ConnectAsync(gateway.BaseAddress, user.Token, chains[i % chains.Length], (i % 20) switch { 0 => "raw", 1 => "100ms", _ => "1s" }, ct))));
            }

            // Subscribed once all are connected: the updates to the first would otherwise slow the handshakes of the last.
            foreach (var batch in clients.Chunk(50))
            {
                await Task.WhenAll(batch.Select(c => c.SubscribeAsync(ct)));
            }

            using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
            run.CancelAfter(TimeSpan.FromMinutes(4));
            await LiveChainClient.WaitAsync(() => clients.All(c => c.Updates > 0), run.Token);

            // Subscribing 499 clients while the cluster warms up leaves a backlog of seconds; the freeze starts once
            // every raw client gets its updates within a second again.
            var settling = Stopwatch.StartNew();
            var settlingFrom = DateTime.UtcNow;
            await LiveChainClient.WaitAsync(() => clients.Where(c => c.Throttle == "raw").All(c => c.Received.Any(r => r.UpdatedAt > settlingFrom && r.At - r.UpdatedAt < TimeSpan.FromSeconds(1))), run.Token);
            output?.WriteLine($"settled {settling.Elapsed.TotalSeconds:F1} s after the last subscription");

            // The frozen client watches every chain at raw and never reads or pings. The gateway drops it: for staying
            // behind past its outbox bound, or for silence past SignalR's client timeout, whichever comes first.
            var frozenAt = DateTime.UtcNow;
            await using var frozen = await FrozenClient.SubscribeAsync(gateway.BaseAddress, user.Token, chains.Select(c => (c.Symbol, Text(c.Expiry))), ct);
            await LiveChainClient.WaitAsync(() => clients.Where(c => c.Throttle == "raw").All(c => c.Received.Any(r => r.UpdatedAt > frozenAt)), run.Token);
            while (await ActiveConnectionsAsync(http, run.Token) > HealthyClients)
            {
                await Task.Delay(100, run.Token);
            }

            var cutOffBy = DateTime.UtcNow;
            Assert.True(await GatewayCounterAsync(http, "deltastream_gateway_outbox_behind", run.Token) >= 1, "the frozen client never fell behind");

            // A grain moved to the other silo: its clients must get its new epoch.
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            var moved = chains[0];
            var movedGrain = cluster.Client.GetGrain<IOptionChainGrain>(moved.ToString());
            var movedFrom = (await management.GetActivationAddress(movedGrain, ct))!;
            var movedTo = (await management.GetHosts(onlyActive: true, ct)).Keys.First(s => !s.Equals(movedFrom));
            var movedEpoch = clients.First(c => c.Chain == moved).Position.Epoch;
            RequestContext.Set(IPlacementDirector.PlacementHintKey, movedTo);
            try
            {
                await movedGrain.Cast<IGrainManagementExtension>().MigrateOnIdle(ct);
            }
            finally
            {
                RequestContext.Clear();
            }

            await LiveChainClient.WaitAsync(() => clients.Where(c => c.Chain == moved).All(c => c.Position.Epoch != movedEpoch), run.Token);
            output?.WriteLine($"{moved} moved from {movedFrom} to {movedTo}");

            // The silo hosting most chains killed: its chains' clients must get new epochs from the survivor.
            var hosts = new Dictionary<ChainId, int>();
            foreach (var chain in chains)
            {
                hosts[chain] = (await management.GetActivationAddress(cluster.Client.GetGrain<IOptionChainGrain>(chain.ToString()), ct))!.Endpoint.Port;
            }

            var victimPort = hosts.Values.GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key;
            var victim = Array.FindIndex(siloEnvironments, e => e["DeltaStream__Cluster__SiloPort"] == victimPort.ToString(CultureInfo.InvariantCulture));
            var lost = chains.Where(c => hosts[c] == victimPort).ToHashSet();
            var epochsBefore = clients.ToDictionary(c => c, c => c.Position.Epoch);
            var sinceKill = Stopwatch.StartNew();
            await silos[victim].KillAsync();
            await LiveChainClient.WaitAsync(() => clients.Where(c => lost.Contains(c.Chain)).All(c => c.Position.Epoch != epochsBefore[c]), run.Token);
            output?.WriteLine($"{lost.Count} of {chains.Length} chains were on the killed silo; all their clients had a new epoch after {sinceKill.Elapsed.TotalSeconds:F1} s");

            // The feed goes on a while after the recovery, then stops; every chain then settles at its grain's last state.
            var updatesAfterKill = clients.ToDictionary(c => c, c => c.Updates);
            await LiveChainClient.WaitAsync(() => clients.All(c => c.Updates >= updatesAfterKill[c] + 2), run.Token);
            await feed.DisposeAsync();
            var states = await SettledStatesAsync(cluster, chains, clients, run.Token);

            Assert.Equal(0, clients.Sum(c => c.Gaps));
            foreach (var client in clients)
            {
                var expected = JsonSerializer.SerializeToNode(states[client.Chain], Json)!;
                Assert.True(JsonNode.DeepEquals(expected, client.Current()), $"{client.Chain} at {client.Throttle}: {FirstDifference(expected, client.Current(), "$")}");
            }


            // On time: had the frozen client held the others up, nothing computed while it was behind would have
            // reached them before it was cut off; and what they got while it was behind came as promptly as after.
            Assert.All(clients.Where(c => c.Throttle == "raw"), c => Assert.Contains(c.Received, r => r.UpdatedAt > frozenAt && r.At < cutOffBy));
            var whileFrozen = DeliveryMs(clients, frozenAt, cutOffBy);
            var afterwards = DeliveryMs(clients, cutOffBy, DateTime.MaxValue);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"frozen client dropped within {(cutOffBy - frozenAt).TotalSeconds:F1} s; {clients.Sum(c => c.Updates)} updates to {clients.Count} clients; raw delivery " +
                $"while it was behind p50 {whileFrozen[whileFrozen.Length / 2]:F0} ms, p99 {Percentile99(whileFrozen):F0} ms; afterwards p50 {afterwards[afterwards.Length / 2]:F0} ms, p99 {Percentile99(afterwards):F0} ms"));
            // Held up by it, they would wait for its bound (10 s); alone on this machine the p99 was 0.4-1.4 s.
            Assert.True(Percentile99(whileFrozen) < 5_000, $"raw delivery p99 {Percentile99(whileFrozen):F0} ms while the frozen client was behind");
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Each chain's grain state once it stopped changing and every client of it holds the same position.</summary>
    private static async Task<Dictionary<ChainId, DeltaStream.Snapshots.ChainSnapshot>> SettledStatesAsync(
        ClusterClient cluster, ChainId[] chains, List<ChainReplicaClient> clients, CancellationToken cancellationToken)
    {
        var states = new Dictionary<ChainId, DeltaStream.Snapshots.ChainSnapshot>();
        foreach (var chain in chains)
        {
            while (true)
            {
                var state = await cluster.RetryAsync(c => c.GetGrain<IOptionChainGrain>(chain.ToString()).GetSnapshot(), cancellationToken);
                if (clients.Where(c => c.Chain == chain).All(c => c.Position == (state.Epoch, state.Sequence)))
                {
                    states[chain] = state;
                    break;
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        return states;
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var (name, value) in e)
            {
                if (!JsonNode.DeepEquals(value, a[name]))
                {
                    return FirstDifference(value, a[name], $"{path}.{name}");
                }
            }

            return $"{path} has extra fields {string.Join(", ", a.Select(p => p.Key).Except(e.Select(p => p.Key)))}";
        }

        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            var i = Enumerable.Range(0, ea.Count).First(i => !JsonNode.DeepEquals(ea[i], aa[i]));
            return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
        }

        return $"{path}: expected {expected?.ToJsonString() ?? "null"}, held {actual?.ToJsonString() ?? "null"}";
    }

    /// <summary>From computation to receipt of the raw clients' updates received in [from, to), sorted.</summary>
    private static double[] DeliveryMs(List<ChainReplicaClient> clients, DateTime from, DateTime to) =>
        [.. clients.SelectMany(c => c.Received).Where(r => r.At >= from && r.At < to).Select(r => (r.At - r.UpdatedAt).TotalMilliseconds).Order()];

    private static double Percentile99(double[] sorted) => sorted[(int)(sorted.Length * 0.99)];

    private static Task<long> ActiveConnectionsAsync(HttpClient gateway, CancellationToken cancellationToken) =>
        GatewayCounterAsync(gateway, "microsoft_aspnetcore_http_connections_signalr_server_active_connections", cancellationToken);

    /// <summary>The sum of a series' samples on the gateway's /metrics (all its labels), 0 while it has none.</summary>
    private static async Task<long> GatewayCounterAsync(HttpClient gateway, string series, CancellationToken cancellationToken)
    {
        var metrics = await gateway.GetStringAsync("metrics", cancellationToken);
        return metrics.Split('\n')
            .Where(l => l.StartsWith(series, StringComparison.Ordinal) && (l.Length == series.Length || l[series.Length] is ' ' or '{' or '_'))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
