using System.Globalization;
using DeltaStream.Calendars;
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
        var siloEnvironments = new[] { HostProcess.SiloWithoutFeed(redis.ConnectionString, clusterId), HostProcess.SiloWithoutFeed(redis.ConnectionString, clusterId) };
        HostProcess[] silos = [await HostProcess.StartAsync("Silo", siloEnvironments[0]), await HostProcess.StartAsync("Silo", siloEnvironments[1])];
        try
        {
            await using var feed = await HostProcess.StartAsync("Feed", environment, waitForReady: false);
            await using var gateway = await HostProcess.StartAsync("Gateway", environment);
            await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
            using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
            var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: ct);
            await using var client = await LiveChainClient.ConnectAsync(gateway.BaseAddress, user.Token, ct);

            var now = DateTime.UtcNow;
            var chains = DefaultInstruments.Create().SelectMany(i => ExpiryCalendar.UpcomingExpiries(i, ExchangeCalendars.Default.Get(i.Market), now).Select(e => new ChainId(i.Symbol, e))).ToArray();
            foreach (var chain in chains)
            {
                await client.Connection.InvokeAsync("SubscribeChain", chain.Symbol, chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "raw", ct);
            }

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromMinutes(3));
            await LiveChainClient.WaitAsync(() => chains.All(c => client.Of(c).Updates > 0), cts.Token);

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
            await LiveChainClient.WaitAsync(() => lost.All(c => client.Of(c).EpochUpdatesAfter(epochs[c]) > 0), cts.Token);
            var output = TestContext.Current.TestOutputHelper;
            foreach (var chain in lost)
            {
                var state = client.Of(chain);
                var staleAt = state.StaleSince(killedAt);
                var recoveredAt = state.NewEpochAfter(killedAt);
                Assert.True(staleAt is not null, $"{chain}: never marked stale");
                // Usually stale comes first; a resync can reach the new activation before the gateway's subscription
                // does, and then the silence of that activation is marked stale too. Either way both must arrive.
                Assert.True(recoveredAt is not null, $"{chain}: no new epoch after the kill");
                output?.WriteLine(FormattableString.Invariant(
                    $"{chain}: stale after {(staleAt!.Value - killedAt).TotalSeconds:F2} s, new epoch after {(recoveredAt.Value - killedAt).TotalSeconds:F2} s"));
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
}
