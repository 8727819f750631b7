using DeltaStream.Grains;
using DeltaStream.Providers.Redis;
using DeltaStream.Providers.Tests;
using DeltaStream.Ticks;
using StackExchange.Redis;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Exactly once across silos, as a reviewer stages it: Redis and two silo processes on loopback, known ticks written with
/// XADD, one silo killed with SIGKILL halfway while it holds unpersisted grain state (persist interval 5 s). Grains and
/// queues are spread over both silos, so the kill loses both grains whose queue lives on the survivor and queues whose
/// grains live on the survivor. Every symbol's session volume and last price, and its quoted contract's last quote,
/// volume and OI, must equal what was written: nothing lost, nothing twice.
/// </summary>
public sealed class TwoSiloCrashTests
{
    private const int Ticks = 600;
    private const int TicksPerEntry = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Either_silo_killed_with_sigkill_mid_stream_loses_no_tick_and_applies_none_twice(int victim)
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var clusterId = $"two-silo-{victim}";
        HostProcess[] silos = [await StartSiloAsync(redis, clusterId), await StartSiloAsync(redis, clusterId)];
        try
        {
            await using var cluster = await ClusterClient.ConnectAsync(redis.ConnectionString, clusterId);
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var producer = new TickProducer(connection.GetDatabase(), new FeedPartitioner("deltastream", 8));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));

            // About 20 s of entries; halfway, most grains hold a few seconds of unpersisted ticks.
            await producer.ProduceAsync(Ticks, TicksPerEntry, async written =>
            {
                if (written == Ticks / 2)
                {
                    await silos[victim].KillAsync();
                }

                await Task.Delay(150, cts.Token);
            });

            foreach (var symbol in TickProducer.Symbols)
            {
                var underlying = await WaitForAsync(cluster, c => c.GetGrain<IUnderlyingGrain>(symbol).GetSnapshot(), s => s.Spot == TickProducer.PriceOf(Ticks), cts.Token);
                Assert.Equal(Ticks, underlying.Volume);
                Assert.Equal(TickProducer.PriceOf(1), underlying.Open);

                var (expiry, strike) = TickProducer.ContractOf(symbol);
                var chain = await WaitForAsync(cluster, c => c.GetGrain<IOptionChainGrain>(new ChainId(symbol, expiry).ToString()).GetSnapshot(),
                    s => s.Strikes.Any(r => r.Strike == strike && r.Call?.Volume == Ticks), cts.Token);
                var call = chain.Strikes.Single(r => r.Strike == strike).Call!;
                Assert.Equal((TickProducer.BidOf(Ticks), TickProducer.OiOf(Ticks)), (call.Bid, call.Oi));
                Assert.Equal(TickProducer.PriceOf(Ticks), chain.Spot);
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static Task<HostProcess> StartSiloAsync(RedisServer redis, string clusterId)
    {
        var environment = HostProcess.DistributedEnvironment(redis.ConnectionString, clusterId);
        environment["DeltaStream__Feed__Enabled"] = "false";
        environment["DeltaStream__Grains__PersistInterval"] = "00:00:05";
        environment["DeltaStream__Redis__TrimInterval"] = "00:00:00.200";
        return HostProcess.StartAsync("Silo", environment);
    }

    /// <summary>Polls the grain (the system's own answer) until <paramref name="done"/>.</summary>
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
}
