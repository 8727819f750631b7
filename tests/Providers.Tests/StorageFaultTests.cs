using DeltaStream.Grains;
using DeltaStream.Grains.Persistence;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// Exactly once when grain storage fails: an outage longer than every trim and persist interval followed by the death
/// of a silo that held unpersisted state, and writes whose replies are lost (stale etags). Two silos on a real Redis;
/// every symbol's totals and last values are checked.
/// </summary>
public sealed class StorageFaultTests : IAsyncLifetime
{
    private const int Ticks = 500;

    public ValueTask InitializeAsync()
    {
        FaultyStorage.Reset();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        FaultyStorage.Reset();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_storage_outage_then_a_silo_killed_loses_nothing_the_trim_point_holds_and_persistence_resumes_by_itself()
    {
        await using var system = await StartClusterAsync();
        var producer = new TickProducer(system.Connection.GetDatabase(), system.Partitioner);
        var cancellation = TestContext.Current.CancellationToken;

        await producer.ProduceAsync(Ticks, ticksPerEntry: 5, async written =>
        {
            switch (written)
            {
                case 100:
                    FaultyStorage.Mode = FaultMode.Down;
                    break;
                case 300:
                    // Several seconds of failed writes: grains retry, say so in health, and hold the trim point.
                    await WaitUntilAsync(() => GrainStorageHealth.GrainsBehind > 0 && FaultyStorage.FailedWrites > 8, cancellation);
                    await system.Cluster.KillSiloAsync(system.Cluster.SecondarySilos[0]);
                    break;
                case 400:
                    FaultyStorage.Mode = FaultMode.None;
                    break;
            }

            await Task.Delay(written is > 100 and <= 300 ? 60 : 10, cancellation);
        });

        await DeliveryAssert.EveryTickAppliedOnceAsync(system.Cluster.Client, Ticks);

        // Persistence resumed by itself: every grain wrote again, so every partition is trimmed to its checkpoint entry.
        var db = system.Connection.GetDatabase();
        foreach (var partition in TickProducer.Symbols.Select(system.Partitioner.PartitionOf).Distinct())
        {
            var key = system.Partitioner.StreamKey(partition);
            await WaitUntilAsync(() => db.StreamLength(key) <= 1, cancellation);
        }
    }

    [Fact]
    public async Task Writes_whose_replies_are_lost_make_grains_resume_from_storage_and_replay_without_applying_anything_twice()
    {
        await using var system = await StartClusterAsync();
        var producer = new TickProducer(system.Connection.GetDatabase(), system.Partitioner);
        var cancellation = TestContext.Current.CancellationToken;

        await producer.ProduceAsync(Ticks, ticksPerEntry: 5, async written =>
        {
            if (written == 100)
            {
                FaultyStorage.Mode = FaultMode.LoseReplies;
            }

            await Task.Delay(20, cancellation);
        });

        await DeliveryAssert.EveryTickAppliedOnceAsync(system.Cluster.Client, Ticks);
        Assert.True(FaultyStorage.LostReplies >= TickProducer.Symbols.Length, $"only {FaultyStorage.LostReplies} replies were lost");
    }

    private static Task<RedisCluster> StartClusterAsync() =>
        RedisCluster.StartAsync(siloConfigurator: typeof(FaultyStorage.Configurator), persistInterval: TimeSpan.FromSeconds(1));

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
