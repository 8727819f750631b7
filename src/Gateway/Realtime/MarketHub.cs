using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Gateway.Realtime.Sessions;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// Live updates at /hubs/market. Everything a connection is sent goes through its outbox, in order: on
/// SubscribeChain the chain's snapshot, then exactly the updates after it at the chosen throttle. Invalid names
/// raise a HubException and the connection stays open, and so does a subscription beyond
/// DeltaStream:RateLimits:MaxSubscriptionsPerConnection or MaxSubscriptionsPerUser. A connection lives as long as
/// its credentials: it closes when its token expires or its sign-in or API key is revoked (<see cref="HubSessions"/>).
/// </summary>
internal sealed class MarketHub(
    MarketDirectory directory,
    MarketUpdateRelay relay,
    ConnectionOutboxes outboxes,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<RateLimitOptions> limits,
    IOptions<GatewayOptions> gateway,
    IChainFeedListeners listeners,
    HubSessions sessions,
    ILogger<ChainFeed> feedLogger,
    RealtimeMetrics metrics) : Hub
{
    public const string Path = "/hubs/market";
    public const string ChainSnapshotMethod = "chainSnapshot";
    public const string ChainUpdateMethod = "chainUpdate";
    public const string UnderlyingUpdateMethod = "underlyingUpdate";
    public const string ChainStatusMethod = "chainStatus";
    public const string InsightUpdateMethod = "insightUpdate";

    public async Task SubscribeChain(string symbol, string expiry, string? throttle = null)
    {
        if (!UpdateThrottle.TryParse(throttle, out var level))
        {
            throw new HubException(UpdateThrottle.InvalidDetail(throttle));
        }

        var chain = ResolveChain(symbol, expiry);

        var grain = grains.GetGrain<IOptionChainGrain>(chain.ToString());
        var group = HubGroups.Chain(chain);
        var feed = await WatchAsync(group, grain, () => new ChainFeed(grain, clock, gateway.Value.ReorderWindow, feedLogger, listeners.For(chain), metrics));
        await feed.ReadyAsync();
        feed.Add(outboxes.Get(Context.ConnectionId), level);
        await relay.RequestAsync(group);
    }

    public Task UnsubscribeChain(string symbol, string expiry) => UnwatchAsync(HubGroups.Chain(ResolveChain(symbol, expiry)));

    public Task<ChainSnapshot> GetChainSnapshot(string symbol, string expiry) =>
        grains.GetGrain<IOptionChainGrain>(ResolveChain(symbol, expiry).ToString()).GetSnapshot();

    public async Task SubscribeUnderlying(string symbol)
    {
        var instrument = ResolveSymbol(symbol);
        var grain = grains.GetGrain<IUnderlyingGrain>(instrument);
        var feed = await WatchAsync(HubGroups.Underlying(instrument), grain, () => new UnderlyingFeed(grain, metrics));
        await feed.ReadyAsync();
        feed.Add(outboxes.Get(Context.ConnectionId));
    }

    public Task UnsubscribeUnderlying(string symbol) => UnwatchAsync(HubGroups.Underlying(ResolveSymbol(symbol)));

    public override async Task OnConnectedAsync()
    {
        await sessions.OpenAsync(Context);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Close(Context.ConnectionId);
        await relay.UnwatchAllAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Watches the grain's group for this connection; a connection or user at its subscription limit is refused.</summary>
    private async Task<TFeed> WatchAsync<TFeed>(string group, IObservableMarketGrain grain, Func<TFeed> createFeed)
        where TFeed : LiveFeed
    {
        var (perConnection, perUser) = (limits.Value.MaxSubscriptionsPerConnection, limits.Value.MaxSubscriptionsPerUser);
        var quota = new SubscriptionQuota(perConnection, perUser, sessions.ConnectionsOfUser(Context.ConnectionId));
        return await relay.WatchAsync(Context.ConnectionId, group, grain, quota, createFeed)
            ?? throw new HubException(
                $"Too many subscriptions: a connection may hold at most {perConnection} subscriptions and a user at most {perUser} across their connections; unsubscribe from one first.");
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
