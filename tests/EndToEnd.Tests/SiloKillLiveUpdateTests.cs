using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Grains;
using DeltaStream.Instruments;
using DeltaStream.Providers.Tests;
using DeltaStream.Testing;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Runtime;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Live updates through a silo crash, staged across processes: Redis, two silo processes, a feed process and a
/// gateway process (Orleans client), and a real SignalR client watching every chain at <c>raw</c>. The silo that
/// hosts most chains is killed with SIGKILL. Each of its chains must be marked stale to the client
/// (<c>chainStatus</c>), then restart with a new epoch's snapshot from the surviving silo, then go on updating.
/// The measured times are written to the test output.
/// </summary>
public sealed class SiloKillLiveUpdateTests
{
    [Fact]
    public async Task Chains_of_a_killed_silo_are_marked_stale_then_come_back_as_a_new_epoch_that_keeps_updating()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        const string clusterId = "live-kill";
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, clusterId);
        var siloEnvironments = new[] { SiloEnvironment(redis, clusterId), SiloEnvironment(redis, clusterId) };
        HostProcess[] silos = [await HostProcess.StartAsync("Silo", siloEnvironments[0]), await HostProcess.StartAsync("Silo", siloEnvironments[1])];
        try
        {
            await using var feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
            await using var gateway = await HostProcess.StartAsync("Gateway", environment);
            await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
            using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
            var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: ct);
            await using var client = await LiveClient.ConnectAsync(gateway.BaseAddress, user.Token, ct);

            var now = DateTime.UtcNow;
            var chains = DefaultInstruments.Create().SelectMany(i => ExpiryCalendar.UpcomingExpiries(i, now).Select(e => new ChainId(i.Symbol, e))).ToArray();
            foreach (var chain in chains)
            {
                await client.Connection.InvokeAsync("SubscribeChain", chain.Symbol, chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "raw", ct);
            }

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromMinutes(3));
            await LiveClient.WaitAsync(() => chains.All(c => client.Of(c).Updates > 0), cts.Token);

            // The victim: the silo hosting most chains (placement is random, so each holds some).
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            var hosts = new Dictionary<ChainId, int>();
            foreach (var chain in chains)
            {
                var address = await management.GetActivationAddress(cluster.Client.GetGrain<IOptionChainGrain>(chain.ToString()), ct);
                hosts[chain] = address!.Endpoint.Port;
            }

            var victimPort = hosts.Values.GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key;
            var victim = Array.FindIndex(siloEnvironments, e => e["DeltaStream__Cluster__SiloPort"] == victimPort.ToString(CultureInfo.InvariantCulture));
            var lost = chains.Where(c => hosts[c] == victimPort).ToArray();
            var epochs = lost.ToDictionary(c => c, c => client.Of(c).Epoch);
            var killedAt = DateTime.UtcNow;
            await silos[victim].KillAsync();

            // Stale first, then a new epoch's snapshot, then updates of that epoch, for every chain the victim held.
            await LiveClient.WaitAsync(() => lost.All(c => client.Of(c).EpochUpdatesAfter(epochs[c]) > 0), cts.Token);
            var output = TestContext.Current.TestOutputHelper;
            foreach (var chain in lost)
            {
                var state = client.Of(chain);
                var staleAt = state.StaleSince(killedAt);
                var recoveredAt = state.NewEpochAt(epochs[chain]);
                Assert.True(staleAt is not null, $"{chain}: never marked stale");
                Assert.True(staleAt < recoveredAt, $"{chain}: marked stale at {staleAt:O}, after its new epoch at {recoveredAt:O}");
                output?.WriteLine(FormattableString.Invariant(
                    $"{chain}: stale after {(staleAt!.Value - killedAt).TotalSeconds:F2} s, new epoch after {(recoveredAt!.Value - killedAt).TotalSeconds:F2} s"));
            }

            output?.WriteLine($"{lost.Length} of {chains.Length} chains were on the killed silo");
            Assert.NotEmpty(lost);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> SiloEnvironment(RedisServer redis, string clusterId)
    {
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, clusterId);
        environment["DeltaStream__Feed__Enabled"] = "false";
        return environment;
    }

    /// <summary>A hub client recording, per chain, its epochs, updates and status messages with their receipt times.</summary>
    private sealed class LiveClient : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, ChainLog> chains = new();

        private LiveClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<JsonElement>("chainSnapshot", s => Log(s).Snapshot(s.GetProperty("epoch").GetInt64()));
            connection.On<JsonElement>("chainUpdate", u => Log(u).Update(u.GetProperty("epoch").GetInt64()));
            connection.On<JsonElement>("chainStatus", s => Log(s).Status(s.GetProperty("stale").GetBoolean()));
        }

        public HubConnection Connection { get; }

        public static async Task<LiveClient> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(gateway, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            var client = new LiveClient(connection);
            await connection.StartAsync(cancellationToken);
            return client;
        }

        public ChainLog Of(ChainId chain) => chains.GetOrAdd(Key(chain.Symbol, chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), _ => new ChainLog());

        public static async Task WaitAsync(Func<bool> condition, CancellationToken cancellationToken)
        {
            while (!condition())
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();

        private static string Key(string symbol, string expiry) => symbol + ":" + expiry;

        private ChainLog Log(JsonElement message) =>
            chains.GetOrAdd(Key(message.GetProperty("symbol").GetString()!, message.GetProperty("expiry").GetString()!), _ => new ChainLog());
    }

    private sealed class ChainLog
    {
        private readonly Lock gate = new();
        private readonly List<(DateTime At, long Epoch)> snapshots = [];
        private readonly List<(DateTime At, bool Stale)> statuses = [];
        private readonly Dictionary<long, int> updatesByEpoch = [];

        public long Epoch
        {
            get
            {
                lock (gate)
                {
                    return snapshots[^1].Epoch;
                }
            }
        }

        public int Updates
        {
            get
            {
                lock (gate)
                {
                    return updatesByEpoch.Values.Sum();
                }
            }
        }

        public void Snapshot(long epoch)
        {
            lock (gate)
            {
                snapshots.Add((DateTime.UtcNow, epoch));
            }
        }

        public void Update(long epoch)
        {
            lock (gate)
            {
                updatesByEpoch[epoch] = updatesByEpoch.GetValueOrDefault(epoch) + 1;
            }
        }

        public void Status(bool stale)
        {
            lock (gate)
            {
                statuses.Add((DateTime.UtcNow, stale));
            }
        }

        /// <summary>Updates of epochs other than <paramref name="old"/>.</summary>
        public int EpochUpdatesAfter(long old)
        {
            lock (gate)
            {
                return updatesByEpoch.Where(e => e.Key != old).Sum(e => e.Value);
            }
        }

        public DateTime? StaleSince(DateTime after)
        {
            lock (gate)
            {
                return statuses.Where(s => s.Stale && s.At >= after).Select(s => (DateTime?)s.At).FirstOrDefault();
            }
        }

        public DateTime? NewEpochAt(long old)
        {
            lock (gate)
            {
                return snapshots.Where(s => s.Epoch != old).Select(s => (DateTime?)s.At).FirstOrDefault();
            }
        }
    }
}
