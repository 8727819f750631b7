using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Orleans.Core.Internal;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace DeltaStream.Grains.Tests;

/// <summary>Ticks through the Orleans stream API into grains spread over two silos, and updates back out to observers.</summary>
public sealed class ClusterTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Ticks_published_on_a_chain_stream_reach_the_chain_grain_and_its_observer()
    {
        var (chain, now) = Chain("NIFTY", 0);
        var (grain, observer) = await SubscribeAsync(chain);

        await PublishAsync(new TickBatch("NIFTY", [TestMarket.Spot(1, 24350, now)], [
            TestMarket.Option(chain.Expiry, 24300, OptionRight.Call, 2, 160, 164, now, volume: 10, oi: 500),
            TestMarket.Option(chain.Expiry, 24300, OptionRight.Put, 3, 80, 82, now, volume: 20, oi: 700)]));

        var update = await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        Assert.Equal(24350, update.Spot);
        var row = Assert.Single(update.Strikes);
        Assert.Equal(162, row.Call!.Mid);
        Assert.NotNull(row.Call.Iv);
        Assert.NotNull(row.Put!.Delta);

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(update.Sequence, snapshot.Sequence);
        Assert.Equal(update.Strikes, snapshot.Strikes);
        Assert.Equal(700.0 / 500.0, snapshot.Analytics.PcrOi);
    }

    [Fact]
    public async Task Duplicate_and_older_sequences_are_dropped_by_the_grain()
    {
        var (chain, now) = Chain("NIFTY", 1);
        var (grain, observer) = await SubscribeAsync(chain);
        var original = new TickBatch("NIFTY", [TestMarket.Spot(100, 24350, now)], [TestMarket.Option(chain.Expiry, 24300, OptionRight.Call, 101, 160, 164, now, volume: 10)]);
        await PublishAsync(original);
        await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);

        // A replay with the same sequences but other values, then an older tick, then a newer marker.
        await PublishAsync(original with { Underlying = [TestMarket.Spot(100, 1, now)], Options = [TestMarket.Option(chain.Expiry, 24300, OptionRight.Call, 101, 1, 2, now, volume: 99)] });
        await PublishAsync(new TickBatch("NIFTY", [TestMarket.Spot(50, 2, now)], []), [chain.Expiry]);
        await PublishAsync(new TickBatch("NIFTY", [], [TestMarket.Option(chain.Expiry, 24400, OptionRight.Put, 102, 120, 124, now)]));
        await observer.NextChainUpdateAsync(u => u.Strikes.Any(s => s.Strike == 24400));

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(24350, snapshot.Spot);
        var call = snapshot.Strikes.Single(s => s.Strike == 24300).Call!;
        Assert.Equal(10, call.Volume);
        Assert.Equal(162, call.Mid);
    }

    [Fact]
    public async Task Updates_pushed_to_an_observer_have_contiguous_sequences()
    {
        var (chain, now) = Chain("SENSEX", 0);
        var (_, observer) = await SubscribeAsync(chain);
        long? previous = null;
        for (var i = 1; i <= 5; i++)
        {
            await PublishAsync(new TickBatch("SENSEX", [TestMarket.Spot(i, 80000 + i, now)], []), [chain.Expiry]);
            var update = await observer.NextChainUpdateAsync(u => u.Spot == 80000 + i);
            if (previous is { } p)
            {
                Assert.True(update.Sequence > p, "sequence went backwards");
            }

            previous = update.Sequence;
        }

        await PublishAsync(new TickBatch("SENSEX", [TestMarket.Spot(6, 80006, now)], []), [chain.Expiry]);
        var last = await observer.NextChainUpdateAsync(u => u.Spot == 80006);
        Assert.Equal(previous + 1, last.Sequence);
    }

    [Fact]
    public async Task A_symbol_batch_routed_by_the_router_updates_the_underlying_and_each_expirys_chain()
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == "BANKNIFTY");
        var now = DateTime.UtcNow;
        var expiries = ExpiryCalendar.UpcomingExpiries(instrument, ExchangeCalendars.Default.Get(instrument.Market), now);
        var observer = new RecordingObserver();
        var reference = cluster.Client.CreateObjectReference<IMarketObserver>(observer);
        await cluster.Client.GetGrain<IUnderlyingGrain>("BANKNIFTY").Subscribe(reference, TimeSpan.MaxValue);
        var (firstChain, firstObserver) = await SubscribeAsync(new ChainId("BANKNIFTY", expiries[0]));
        var (secondChain, secondObserver) = await SubscribeAsync(new ChainId("BANKNIFTY", expiries[1]));
        var (thirdChain, thirdObserver) = await SubscribeAsync(new ChainId("BANKNIFTY", expiries[2]));

        var batch = new TickBatch("BANKNIFTY", [TestMarket.Spot(1, 52400, now, volume: 5), TestMarket.Spot(2, 52450, now, volume: 7)], [
            TestMarket.Option(expiries[0], 52400, OptionRight.Call, 3, 500, 510, now),
            TestMarket.Option(expiries[1], 52400, OptionRight.Put, 4, 700, 720, now)]);
        await PublishAsync(batch, expiries);

        var session = await observer.NextUnderlyingUpdateAsync(u => u.Spot == 52450);
        Assert.Equal((52400.0, 52450.0, 52400.0, 12L), (session.Open!.Value, session.High!.Value, session.Low!.Value, session.Volume));
        await firstObserver.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        await secondObserver.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        await thirdObserver.NextChainUpdateAsync(u => u.Spot == 52450);
        Assert.NotNull(Assert.Single((await firstChain.GetSnapshot()).Strikes).Call);
        Assert.NotNull(Assert.Single((await secondChain.GetSnapshot()).Strikes).Put);
        var unquoted = await thirdChain.GetSnapshot();
        Assert.Equal(52450, unquoted.Spot);
        Assert.Empty(unquoted.Strikes);
    }

    [Fact]
    public async Task Snapshot_requests_answer_the_last_publication_and_never_recompute_or_use_up_a_sequence()
    {
        var (chain, now) = Chain("TSLA", 1);
        var (grain, observer) = await SubscribeAsync(chain);
        await PublishAsync(new TickBatch("TSLA", [TestMarket.Spot(1, 250, now)], [TestMarket.Option(chain.Expiry, 250, OptionRight.Call, 2, 10, 11, now)]));
        var published = await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);

        var answers = new[] { await grain.GetSnapshot(), await grain.GetSnapshot(), await grain.GetSnapshot() };

        Assert.All(answers, s => Assert.Equal((published.Epoch, published.Sequence, published.UpdatedAt), (s.Epoch, s.Sequence, s.UpdatedAt)));
        await PublishAsync(new TickBatch("TSLA", [TestMarket.Spot(3, 251, now)], []), [chain.Expiry]);
        var next = await observer.NextChainUpdateAsync(u => u.Spot == 251);
        Assert.Equal(published.Sequence + 1, next.Sequence);
    }

    [Fact]
    public async Task A_deactivating_chain_tells_its_observers_and_its_next_activation_is_a_new_epoch_with_the_restored_state()
    {
        var (chain, now) = Chain("AAPL", 1);
        var (grain, observer) = await SubscribeAsync(chain);
        await PublishAsync(new TickBatch("AAPL", [TestMarket.Spot(1, 230, now)], [TestMarket.Option(chain.Expiry, 230, OptionRight.Put, 2, 5, 6, now)]));
        var before = await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var stopped = await observer.NextStoppedAsync();
        var lease = await grain.Subscribe(cluster.Client.CreateObjectReference<IMarketObserver>(observer), TimeSpan.MaxValue);
        var after = await grain.GetSnapshot();

        Assert.Equal(((IAddressable)grain).GetGrainId(), stopped);
        Assert.True(lease > TimeSpan.Zero);
        Assert.NotEqual(before.Epoch, after.Epoch);
        Assert.Equal(1, after.Sequence);
        // The same quotes, valued again at the new activation's instant.
        Assert.Equal(before.Strikes.Select(s => (s.Strike, s.Put!.Bid, s.Put.Ask, s.Put.Oi)), after.Strikes.Select(s => (s.Strike, s.Put!.Bid, s.Put.Ask, s.Put.Oi)));
    }

    [Fact]
    public async Task A_chain_moved_to_another_silo_tells_its_observers_and_comes_up_there_as_a_new_epoch_with_its_state()
    {
        var (chain, now) = Chain("SPY", 1);
        var (grain, observer) = await SubscribeAsync(chain);
        await PublishAsync(new TickBatch("SPY", [TestMarket.Spot(1, 598, now)], [TestMarket.Option(chain.Expiry, 600, OptionRight.Call, 2, 4, 4.2, now, oi: 321)]));
        var before = await observer.NextChainUpdateAsync(u => u.Strikes.Count > 0);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var from = await management.GetActivationAddress(grain, TestContext.Current.CancellationToken);
        var to = cluster.Silos.Select(s => s.SiloAddress).First(s => !s.Equals(from));

        RequestContext.Set(IPlacementDirector.PlacementHintKey, to);
        try
        {
            await grain.Cast<IGrainManagementExtension>().MigrateOnIdle(TestContext.Current.CancellationToken);
        }
        finally
        {
            RequestContext.Clear();
        }

        var stopped = await observer.NextStoppedAsync();
        using var moving = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        moving.CancelAfter(TimeSpan.FromSeconds(30));
        while (await management.GetActivationAddress(grain, moving.Token) is not { } host || host.Equals(from))
        {
            await Task.Delay(20, moving.Token);
        }

        Assert.Equal(to, await management.GetActivationAddress(grain, TestContext.Current.CancellationToken));
        await grain.Subscribe(cluster.Client.CreateObjectReference<IMarketObserver>(observer), TimeSpan.MaxValue);
        var after = await grain.GetSnapshot();

        Assert.Equal(((IAddressable)grain).GetGrainId(), stopped);
        Assert.NotEqual(before.Epoch, after.Epoch);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(before.Strikes.Select(s => (s.Strike, s.Call!.Bid, s.Call.Ask, s.Call.Oi)), after.Strikes.Select(s => (s.Strike, s.Call!.Bid, s.Call.Ask, s.Call.Oi)));
    }

    [Fact]
    public async Task A_quiet_chain_sends_its_observers_heartbeats_so_silence_means_its_silo_is_gone()
    {
        var (chain, _) = Chain("QQQ", 2);
        var (grain, observer) = await SubscribeAsync(chain);

        var first = await observer.NextHeartbeatAsync();
        var second = await observer.NextHeartbeatAsync();

        Assert.Equal(((IAddressable)grain).GetGrainId(), first);
        Assert.Equal(first, second);
    }

    private static (ChainId Chain, DateTime Now) Chain(string symbol, int expiryIndex)
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == symbol);
        var now = DateTime.UtcNow;
        return (new ChainId(symbol, ExpiryCalendar.UpcomingExpiries(instrument, ExchangeCalendars.Default.Get(instrument.Market), now)[expiryIndex]), now);
    }

    private async Task<(IOptionChainGrain Grain, RecordingObserver Observer)> SubscribeAsync(ChainId chain)
    {
        var observer = new RecordingObserver();
        var grain = cluster.Client.GetGrain<IOptionChainGrain>(chain.ToString());
        await grain.Subscribe(cluster.Client.CreateObjectReference<IMarketObserver>(observer), TimeSpan.MaxValue);
        return (grain, observer);
    }

    /// <summary>Publishes as the feed does; by default the symbol lists only the expiry the test watches.</summary>
    private async Task PublishAsync(TickBatch batch, IReadOnlyCollection<DateOnly>? listed = null)
    {
        var provider = cluster.Client.GetStreamProvider(MarketStreams.ProviderName);
        listed ??= [.. batch.Options.Select(o => o.Expiry).Distinct()];
        foreach (var (id, routed) in MarketStreamRouter.Route(batch, listed))
        {
            await provider.GetStream<TickBatch>(id).OnNextAsync(routed);
        }
    }
}
