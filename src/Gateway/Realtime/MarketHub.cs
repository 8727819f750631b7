using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// Live updates at /hubs/market. SubscribeChain joins the chain's group first and then sends the snapshot, so
/// no update is lost in between; an update that arrives before the snapshot has a sequence at or below the
/// snapshot's and can be ignored. Invalid names raise a HubException and the connection stays open, and so does
/// a subscription beyond DeltaStream:RateLimits:MaxSubscriptionsPerConnection.
/// </summary>
internal sealed class MarketHub(MarketDirectory directory, MarketUpdateRelay relay, IGrainFactory grains, IOptions<RateLimitOptions> limits) : Hub
{
    public const string Path = "/hubs/market";
    public const string ChainSnapshotMethod = "chainSnapshot";
    public const string ChainUpdateMethod = "chainUpdate";
    public const string UnderlyingUpdateMethod = "underlyingUpdate";

    public async Task SubscribeChain(string symbol, string expiry)
    {
        var chain = ResolveChain(symbol, expiry);
        var grain = grains.GetGrain<IOptionChainGrain>(chain.ToString());
        var group = HubGroups.Chain(chain);
        await WatchAsync(group, grain);
        await Clients.Caller.SendAsync(ChainSnapshotMethod, await grain.GetSnapshot());
    }

    public async Task UnsubscribeChain(string symbol, string expiry)
    {
        var group = HubGroups.Chain(ResolveChain(symbol, expiry));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        await relay.UnwatchAsync(Context.ConnectionId, group);
    }

    public Task<ChainSnapshot> GetChainSnapshot(string symbol, string expiry) =>
        grains.GetGrain<IOptionChainGrain>(ResolveChain(symbol, expiry).ToString()).GetSnapshot();

    public async Task SubscribeUnderlying(string symbol)
    {
        var instrument = ResolveSymbol(symbol);
        var grain = grains.GetGrain<IUnderlyingGrain>(instrument);
        var group = HubGroups.Underlying(instrument);
        await WatchAsync(group, grain);
        await Clients.Caller.SendAsync(UnderlyingUpdateMethod, await grain.GetSnapshot());
    }

    public async Task UnsubscribeUnderlying(string symbol)
    {
        var group = HubGroups.Underlying(ResolveSymbol(symbol));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        await relay.UnwatchAsync(Context.ConnectionId, group);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.UnwatchAllAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Watches the grain and joins its group (both before the caller's snapshot is sent); a connection at its subscription limit gets neither.</summary>
    private async Task WatchAsync(string group, IObservableMarketGrain grain)
    {
        var max = limits.Value.MaxSubscriptionsPerConnection;
        if (!await relay.WatchAsync(Context.ConnectionId, group, grain, max))
        {
            throw new HubException($"A connection may hold at most {max} subscriptions; unsubscribe from one first.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
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
