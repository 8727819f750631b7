using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// Live updates at /hubs/market. Everything a connection is sent goes through its outbox, in order: on
/// SubscribeChain the chain's snapshot, then exactly the updates after it at the chosen throttle. Invalid names
/// raise a HubException and the connection stays open.
/// </summary>
internal sealed class MarketHub(
    MarketDirectory directory,
    MarketUpdateRelay relay,
    ConnectionOutboxes outboxes,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<ChainFeed> feedLogger) : Hub
{
    public const string Path = "/hubs/market";
    public const string ChainSnapshotMethod = "chainSnapshot";
    public const string ChainUpdateMethod = "chainUpdate";
    public const string UnderlyingUpdateMethod = "underlyingUpdate";

    public async Task SubscribeChain(string symbol, string expiry, string? throttle)
    {
        if (!UpdateThrottle.TryParse(throttle, out var level))
        {
            throw new HubException(UpdateThrottle.InvalidDetail(throttle));
        }

        var chain = ResolveChain(symbol, expiry);

        var grain = grains.GetGrain<IOptionChainGrain>(chain.ToString());
        var feed = await relay.WatchAsync(Context.ConnectionId, HubGroups.Chain(chain), grain, () => new ChainFeed(grain, clock, feedLogger));
        await feed.ReadyAsync();
        feed.Add(outboxes.Get(Context.ConnectionId), level);
    }

    public Task UnsubscribeChain(string symbol, string expiry) => UnwatchAsync(HubGroups.Chain(ResolveChain(symbol, expiry)));

    public Task<ChainSnapshot> GetChainSnapshot(string symbol, string expiry) =>
        grains.GetGrain<IOptionChainGrain>(ResolveChain(symbol, expiry).ToString()).GetSnapshot();

    public async Task SubscribeUnderlying(string symbol)
    {
        var instrument = ResolveSymbol(symbol);
        var grain = grains.GetGrain<IUnderlyingGrain>(instrument);
        var feed = await relay.WatchAsync(Context.ConnectionId, HubGroups.Underlying(instrument), grain, () => new UnderlyingFeed(grain));
        await feed.ReadyAsync();
        feed.Add(outboxes.Get(Context.ConnectionId));
    }

    public Task UnsubscribeUnderlying(string symbol) => UnwatchAsync(HubGroups.Underlying(ResolveSymbol(symbol)));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.UnwatchAllAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task UnwatchAsync(string group)
    {
        relay.FeedOf(group)?.Remove(outboxes.Get(Context.ConnectionId));
        await relay.UnwatchAsync(Context.ConnectionId, group);
    }

    private Ticks.ChainId ResolveChain(string symbol, string expiry)
    {
        var chain = directory.ResolveChain(symbol ?? "", expiry ?? "");
        return chain.IsOk ? chain.Value : throw new HubException(chain.Detail);
    }

    private string ResolveSymbol(string symbol) =>
        directory.TryResolveSymbol(symbol ?? "", out var instrument)
            ? instrument.Symbol
            : throw new HubException(MarketDirectory.UnknownSymbolDetail(symbol));
}
