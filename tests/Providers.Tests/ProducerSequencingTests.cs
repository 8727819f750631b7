using DeltaStream.Grains;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Tests;

/// <summary>Several producers of the same symbols through a real Redis.</summary>
public sealed class ProducerSequencingTests
{
    private const int Ticks = 200;

    [Fact]
    public async Task Two_producers_of_every_symbol_with_their_own_src_and_overlapping_sequences_are_both_applied_once()
    {
        await using var system = await RedisCluster.StartAsync();
        var db = system.Connection.GetDatabase();
        var primary = new TickProducer(db, system.Partitioner, source: "primary");
        var backup = new TickProducer(db, system.Partitioner, source: "backup", priceOffset: 1000);
        var plain = new TickProducer(db, system.Partitioner);

        // The same sequence numbers from three producers, entry by entry (the default producer, no src, is the third);
        // before the last round, a replay of what two of them already wrote.
        for (var first = 1; first <= Ticks; first += 10)
        {
            if (first == Ticks - 9)
            {
                await primary.WriteRoundAsync(1, Ticks - 10);
                await backup.WriteRoundAsync(Ticks / 2, Ticks - 10);
            }

            await primary.WriteRoundAsync(first, first + 9);
            await plain.WriteRoundAsync(first, first + 9);
            await backup.WriteRoundAsync(first, first + 9);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var last = TickProducer.PriceOf(Ticks) + 1000;
        foreach (var symbol in TickProducer.Symbols)
        {
            // The backup's last entry is each partition's last: once it shows, every entry of the symbol was applied.
            var grain = system.Cluster.Client.GetGrain<IUnderlyingGrain>(symbol);
            while ((await grain.GetSnapshot()).Spot != last)
            {
                await Task.Delay(50, cts.Token);
            }

            var session = await grain.GetSnapshot();
            Assert.Equal(3 * Ticks, session.Volume);
            Assert.Equal(TickProducer.PriceOf(1), session.Open);
        }
    }
}
