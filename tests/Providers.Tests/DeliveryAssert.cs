using DeltaStream.Grains;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Tests;

/// <summary>The exactly-once check on what <see cref="TickProducer"/> wrote, read from the grains themselves.</summary>
internal static class DeliveryAssert
{
    /// <summary>
    /// Waits until every symbol shows its last tick, then asserts its session volume, open and last price, and its quoted
    /// contract's last quote, volume and OI: one tick lost or applied twice fails.
    /// </summary>
    public static async Task EveryTickAppliedOnceAsync(IClusterClient client, int ticks)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        foreach (var symbol in TickProducer.Symbols)
        {
            var grain = client.GetGrain<IUnderlyingGrain>(symbol);
            while ((await grain.GetSnapshot()).Spot != TickProducer.PriceOf(ticks))
            {
                await Task.Delay(50, cts.Token);
            }

            var session = await grain.GetSnapshot();
            Assert.Equal(ticks, session.Volume);
            Assert.Equal(TickProducer.PriceOf(1), session.Open);

            var (expiry, strike) = TickProducer.ContractOf(symbol);
            var chain = client.GetGrain<IOptionChainGrain>(new ChainId(symbol, expiry).ToString());
            while ((await chain.GetSnapshot()).Strikes.SingleOrDefault(r => r.Strike == strike)?.Call?.Volume != ticks)
            {
                await Task.Delay(50, cts.Token);
            }

            var call = (await chain.GetSnapshot()).Strikes.Single(r => r.Strike == strike).Call!;
            Assert.Equal((TickProducer.BidOf(ticks), TickProducer.OiOf(ticks)), (call.Bid, call.Oi));
        }
    }
}
