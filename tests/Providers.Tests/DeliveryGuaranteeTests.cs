using DeltaStream.Grains;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// Nothing acknowledged is lost and nothing is applied twice, when a silo leaves mid-stream and when Redis restarts
/// mid-stream: every tick produced shows in grain state exactly once (session volume = ticks, last price = last tick).
/// </summary>
public sealed class DeliveryGuaranteeTests
{
    private const int Ticks = 300;

    [Fact]
    public async Task A_silo_stopped_mid_stream_hands_its_queues_over_and_every_tick_is_applied_exactly_once()
    {
        await using var system = await RedisCluster.StartAsync();
        var producer = new TickProducer(system.Connection.GetDatabase(), system.Partitioner);

        await producer.ProduceAsync(Ticks, ticksPerEntry: 5, async written =>
        {
            if (written == Ticks / 2)
            {
                await system.Cluster.StopSiloAsync(system.Cluster.SecondarySilos[0]);
            }
        });

        await AssertEveryTickAppliedOnceAsync(system.Cluster.Client);
    }

    [Fact]
    public async Task Redis_restarted_mid_stream_is_recovered_from_without_manual_steps_and_loses_nothing()
    {
        await using var system = await RedisCluster.StartAsync(durable: true);
        var producer = new TickProducer(system.Connection.GetDatabase(), system.Partitioner);

        await producer.ProduceAsync(Ticks, ticksPerEntry: 5, async written =>
        {
            if (written == Ticks / 2)
            {
                await system.Redis.StopAsync();
                await system.Redis.StartAsync();
            }
        });

        await AssertEveryTickAppliedOnceAsync(system.Cluster.Client);
    }

    /// <summary>Waits (polling the grains, the system's own answer) until every symbol has its last tick.</summary>
    private static async Task AssertEveryTickAppliedOnceAsync(IClusterClient client)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        foreach (var symbol in TickProducer.Symbols)
        {
            var grain = client.GetGrain<IUnderlyingGrain>(symbol);
            while ((await grain.GetSnapshot()).LastSequence < Ticks)
            {
                await Task.Delay(50, cts.Token);
            }

            var session = await grain.GetSnapshot();
            Assert.Equal(Ticks, session.Volume);
            Assert.Equal(TickProducer.PriceOf(Ticks), session.Spot);
            Assert.Equal(TickProducer.PriceOf(1), session.Open);
        }
    }
}
