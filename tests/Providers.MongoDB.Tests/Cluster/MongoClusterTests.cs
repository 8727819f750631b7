using DeltaStream.Grains;
using DeltaStream.History;
using DeltaStream.Providers.MongoDB.History;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.TestingHost;

namespace DeltaStream.Providers.MongoDB.Tests.Cluster;

/// <summary>Two silos on MongoDB storage and history: restarts, reactivation and an outage of the server.</summary>
public sealed class MongoClusterTests(MongoServer server)
{
    private readonly MarketScenario market = new();

    [Fact]
    public async Task State_position_bars_and_history_survive_a_restart_of_every_silo()
    {
        await using var mongo = await MongoCluster.StartAsync(server, "restart");
        await mongo.PublishAsync(market.Batch(1, 9), market.Listed);
        await Eventually.ReachAsync(() => Underlying(mongo).GetSnapshot(), s => s.LastSequence == 9, "all nine underlying ticks applied");
        var chainBefore = await Eventually.ReachAsync(() => Chain(mongo).GetSnapshot(), s => s.Strikes.Count == 3, "three strikes quoted");
        var history = await Eventually.ReachAsync(() => ChainHistoryAsync(mongo), p => p.Count > 0, "a chain history point recorded");

        await mongo.RestartAsync();

        var underlying = await Underlying(mongo).GetSnapshot();
        Assert.Equal((9L, 9L), (underlying.Volume, underlying.LastSequence));
        Assert.Equal(MarketScenario.Price(9), underlying.Spot);
        var chain = await Chain(mongo).GetSnapshot();
        Assert.Equal(chainBefore.Strikes.Select(s => (s.Strike, s.Call!.Bid, s.Put!.Oi)), chain.Strikes.Select(s => (s.Strike, s.Call!.Bid, s.Put!.Oi)));
        // Nine ticks 20 s apart from a whole minute: minutes of 3, 3 and 3 ticks, the last flushed at deactivation.
        var bars = await MinuteBarsAsync(mongo);
        Assert.Equal([market.Start.AddMinutes(2), market.Start.AddMinutes(1), market.Start], bars.Select(b => b.Start));
        Assert.All(bars, b => Assert.Equal(3, b.Volume));
        Assert.Equal((MarketScenario.Price(1), MarketScenario.Price(3)), (bars[^1].Open, bars[^1].Close));
        Assert.Equal(history[0].Analytics, (await ChainHistoryAsync(mongo))[^1].Analytics);
    }

    [Fact]
    public async Task A_grain_deactivated_on_its_silo_reactivates_from_MongoDB_with_its_state_and_position()
    {
        await using var mongo = await MongoCluster.StartAsync(server, "move");
        await mongo.PublishAsync(market.Batch(1, 4), market.Listed);
        await Eventually.ReachAsync(() => Underlying(mongo).GetSnapshot(), s => s.LastSequence == 4, "four ticks applied");
        var management = mongo.Cluster.Client.GetGrain<IManagementGrain>(0);
        var host = await management.GetActivationAddress(Underlying(mongo), TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("the underlying grain is not active");

        await management.ForceActivationCollection([host], TimeSpan.Zero, TestContext.Current.CancellationToken);
        await mongo.PublishAsync(market.Batch(5, 6), market.Listed).WaitAsync(TestContext.Current.CancellationToken);

        var snapshot = await Eventually.ReachAsync(() => Underlying(mongo).GetSnapshot(), s => s.LastSequence == 6, "ticks after reactivation applied");
        Assert.Equal(6, snapshot.Volume);
        var duplicate = market.Batch(3, 6);
        await mongo.PublishAsync(duplicate, market.Listed);
        Assert.Equal(6, (await Underlying(mongo).GetSnapshot()).Volume);
    }

    [Fact]
    public async Task While_MongoDB_is_unreachable_live_data_flows_health_names_it_and_everything_resumes_after()
    {
        await using var mongo = await MongoCluster.StartAsync(server, "outage");
        await mongo.PublishAsync(market.Batch(1, 3), market.Listed);
        await Eventually.ReachAsync(() => StoredUnderlyingVolumeAsync(mongo), v => v == 3, "the first minute persisted");
        var status = ((InProcessSiloHandle)mongo.Cluster.Primary!).SiloHost.Services.GetRequiredService<MongoHistoryStatus>();
        Assert.Null(await status.ProblemAsync(TestContext.Current.CancellationToken));

        await mongo.Relay.StopAsync();
        var problem = await Eventually.ReachAsync(() => status.ProblemAsync(TestContext.Current.CancellationToken), p => p is not null, "MongoDB reported unreachable");
        Assert.Contains("MongoDB", problem!, StringComparison.Ordinal);
        // Ticks of the next minute: applied and served live; the first minute's bar completes into the buffer.
        await mongo.PublishAsync(market.Batch(4, 6), market.Listed);
        var live = await Eventually.ReachAsync(() => Underlying(mongo).GetSnapshot(), s => s.LastSequence == 6, "live ticks applied during the outage");
        Assert.Equal(6, live.Volume);

        mongo.Relay.Start();
        await Eventually.ReachAsync(() => status.ProblemAsync(TestContext.Current.CancellationToken), p => p is null, "MongoDB healthy again");
        await Eventually.ReachAsync(() => StoredUnderlyingVolumeAsync(mongo), v => v == 6, "state written during the outage persisted after it");
        var bar = await Eventually.ReachAsync(() => MinuteBarsAsync(mongo), b => b.Count > 0, "the bar buffered during the outage written");
        Assert.Equal(market.Start, Assert.Single(bar).Start);

        await mongo.RestartAsync();
        Assert.Equal(6, (await Underlying(mongo).GetSnapshot()).Volume);
    }

    private IUnderlyingGrain Underlying(MongoCluster mongo) => mongo.Cluster.Client.GetGrain<IUnderlyingGrain>(market.Instrument.Symbol);

    private IOptionChainGrain Chain(MongoCluster mongo) => mongo.Cluster.Client.GetGrain<IOptionChainGrain>(market.Chain.ToString());

    private IMarketHistoryReader Reader(MongoCluster mongo) =>
        new ServiceCollection().AddLogging().AddMongoHistory(o => o.ConnectionString = server.ConnectionString(mongo.Database), write: false)
            .BuildServiceProvider().GetRequiredService<IMarketHistoryReader>();

    private Task<IReadOnlyList<PriceBar>> MinuteBarsAsync(MongoCluster mongo) =>
        Reader(mongo).MinuteBarsAsync(market.Instrument.Symbol, DateTime.MinValue, DateTime.MaxValue, 100, TestContext.Current.CancellationToken);

    private Task<IReadOnlyList<ChainHistoryPoint>> ChainHistoryAsync(MongoCluster mongo) =>
        Reader(mongo).ChainHistoryAsync(market.Chain.Symbol, market.Chain.Expiry, DateTime.MinValue, DateTime.MaxValue, 100, TestContext.Current.CancellationToken);

    /// <summary>The session volume in the underlying's stored state, read straight from its document (JSON state).</summary>
    private async Task<long?> StoredUnderlyingVolumeAsync(MongoCluster mongo)
    {
        var grains = server.Database(mongo.Database).GetCollection<BsonDocument>("grains");
        var document = await grains.Find(Builders<BsonDocument>.Filter.Eq("stateName", "underlying")).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
        if (document?["state"] is not BsonBinaryData state)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(state.Bytes);
        return json.RootElement.GetProperty("Volume").GetInt64();
    }
}
