using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// The gateway's single observer of the grains: it holds one subscription per chain or underlying that any of
/// this process's SignalR connections watches (not one per connection), renews them inside the lease the grains
/// return, subscribes again as soon as a grain announces its deactivation,
/// drops them when the last watcher leaves. Each subscription has its feed: a pushed update only updates that feed,
/// which posts to its connections' outboxes, so the observer never waits for a connection.
/// </summary>
internal sealed partial class MarketUpdateRelay(
    IGrainFactory grains,
    IOptions<GatewayOptions> options,
    ILogger<MarketUpdateRelay> logger,
    RealtimeMetrics metrics) : BackgroundService, IMarketObserver
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Watch> watches = [];
    private readonly Dictionary<string, HashSet<string>> watchesByConnection = [];
    private IMarketObserver? reference;
    private TimeSpan renewal = options.Value.SubscriptionRenewal;
    private PeriodicTimer? renewals;

    /// <summary>Number of grain subscriptions this gateway holds (for tests and diagnostics).</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (watches)
            {
                return watches.Count;
            }
        }
    }

    /// <summary>Connections watching <paramref name="group"/> through its one grain subscription; 0 when none is held.</summary>
    public int WatchersOf(string group)
    {
        lock (watches)
        {
            return watches.GetValueOrDefault(group)?.Watchers ?? 0;
        }
    }

    public Task OnChainUpdate(ChainUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        (FeedOf(HubGroups.Chain(new ChainId(update.Symbol, update.Expiry))) as ChainFeed)?.OnUpdate(update);
        return Task.CompletedTask;
    }

    public Task OnUnderlyingUpdate(UnderlyingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        (FeedOf(HubGroups.Underlying(snapshot.Symbol)) as UnderlyingFeed)?.OnUpdate(snapshot);
        return Task.CompletedTask;
    }

    public Task OnHeartbeat(GrainId grain)
    {
        foreach (var watch in WatchesOf(grain))
        {
            (watch.Feed as ChainFeed)?.Heard();
        }

        return Task.CompletedTask;
    }

    public Task OnPublisherStopped(GrainId grain)
    {
        foreach (var watch in WatchesOf(grain))
        {
            _ = ResubscribeAsync(watch);
        }

        return Task.CompletedTask;
    }

    /// <summary>The feed of a group watched by this gateway, or null.</summary>
    public LiveFeed? FeedOf(string group)
    {
        lock (watches)
        {
            return watches.GetValueOrDefault(group)?.Feed;
        }
    }

    /// <summary>
    /// Watches the group for the connection; the first watcher creates its feed and subscribes the grain. Null (and
    /// nothing changed) when the connection, or its user across their connections, is at its quota.
    /// </summary>
    public async Task<TFeed?> WatchAsync<TFeed>(string connectionId, string group, IObservableMarketGrain grain, SubscriptionQuota quota, Func<TFeed> createFeed)
        where TFeed : LiveFeed
    {
        LiveFeed? feed = null;
        await ChangeAsync(async () =>
        {
            if (!watchesByConnection.TryGetValue(connectionId, out var groups))
            {
                watchesByConnection[connectionId] = groups = [];
            }

            if (!groups.Contains(group) && (groups.Count >= quota.PerConnection || UserSubscriptions(quota.UserConnections) >= quota.PerUser))
            {
                return;
            }

            Watch? watch;
            lock (watches)
            {
                if (watches.TryGetValue(group, out watch))
                {
                    feed = watch.Feed;
                    if (groups.Add(group))
                    {
                        watch.Watchers++;
                    }

                    return;
                }

                groups.Add(group);
                watches[group] = watch = new Watch(grain, createFeed());
                feed = watch.Feed;
            }

            await SubscribeAsync(watch);
        });
        return (TFeed?)feed;
    }

    /// <summary>
    /// Asks the group's grain again when its feed now wants changes sooner than it asked for (a subscriber at a
    /// finer throttle joined); a coarser need is passed on at the next renewal.
    /// </summary>
    public Task RequestAsync(string group) =>
        ChangeAsync(async () =>
        {
            Watch? watch;
            lock (watches)
            {
                watch = watches.GetValueOrDefault(group);
            }

            if (watch is not null && watch.Feed.Interval < watch.Requested)
            {
                await SubscribeAsync(watch);
            }
        });

    public Task UnwatchAsync(string connectionId, string group) =>
        ChangeAsync(() => GroupsOf(connectionId)?.Remove(group) == true ? ReleaseAsync(group) : Task.CompletedTask);

    public Task UnwatchAllAsync(string connectionId) =>
        ChangeAsync(async () =>
        {
            if (watchesByConnection.Remove(connectionId, out var groups))
            {
                foreach (var group in groups)
                {
                    await ReleaseAsync(group);
                }
            }
        });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RenewAsync(stoppingToken), WatchLivenessAsync(stoppingToken));

    /// <summary>
    /// Marks chains stale that have been silent past the bound and subscribes to them again: once membership has
    /// declared their silo dead, that call starts the next activation, whose snapshot restarts the subscribers.
    /// A chain whose early update has waited past the reorder window fetches its snapshot, though no update follows.
    /// </summary>
    private async Task WatchLivenessAsync(CancellationToken stoppingToken)
    {
        var staleAfter = options.Value.StaleAfter;
        using var timer = new PeriodicTimer(staleAfter / 15);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Watch[] current;
            lock (watches)
            {
                current = [.. watches.Values];
            }

            foreach (var watch in current)
            {
                if (watch.Feed is not ChainFeed chain)
                {
                    continue;
                }

                if (chain.CheckStale(staleAfter))
                {
                    metrics.StaleChains.Add(1);
                    _ = ResubscribeAsync(watch);
                }
                else
                {
                    chain.CheckGap();
                }
            }
        }
    }

    private async Task RenewAsync(CancellationToken stoppingToken)
    {
        using var timer = renewals = new PeriodicTimer(renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Watch[] current;
            lock (watches)
            {
                current = [.. watches.Values];
            }

            foreach (var watch in current)
            {
                try
                {
                    await SubscribeAsync(watch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewalFailed(ex);
                }
            }
        }
    }

    private async Task SubscribeAsync(Watch watch)
    {
        var interval = watch.Feed.Interval;
        ShortenRenewal(await watch.Grain.Subscribe(Reference(), interval));
        watch.Requested = interval;
    }

    /// <summary>Renewal at most a third of the lease, so one lost renewal never loses the subscription.</summary>
    private void ShortenRenewal(TimeSpan lease)
    {
        if (lease / 3 < renewal)
        {
            renewal = lease / 3;
            if (renewals is { } timer)
            {
                timer.Period = renewal;
            }
        }
    }

    /// <summary>
    /// Subscribes to the grain's next activation (the call starts it) and restarts the feed from its snapshot,
    /// retrying while the watch lasts.
    /// </summary>
    private async Task ResubscribeAsync(Watch watch)
    {
        if (Interlocked.Exchange(ref watch.Resubscribing, 1) == 1)
        {
            return;
        }

        try
        {
            await ResubscribeUntilDoneAsync(watch);
        }
        finally
        {
            Volatile.Write(ref watch.Resubscribing, 0);
        }
    }

    private async Task ResubscribeUntilDoneAsync(Watch watch)
    {
        var delay = options.Value.ResubscribeDelay;
        while (true)
        {
            await Task.Delay(delay);
            lock (watches)
            {
                if (!watches.ContainsValue(watch))
                {
                    return;
                }
            }

            try
            {
                await SubscribeAsync(watch);
                metrics.Resubscribes.Add(1);
                watch.Feed.Refresh();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRenewalFailed(ex);
            }
        }
    }

    private Watch[] WatchesOf(GrainId grain)
    {
        lock (watches)
        {
            return [.. watches.Values.Where(w => w.GrainId == grain)];
        }
    }

    private HashSet<string>? GroupsOf(string connectionId) => watchesByConnection.GetValueOrDefault(connectionId);

    private int UserSubscriptions(IEnumerable<string> connectionIds) => connectionIds.Sum(c => GroupsOf(c)?.Count ?? 0);

    private async Task ReleaseAsync(string group)
    {
        Watch? watch;
        lock (watches)
        {
            if (!watches.TryGetValue(group, out watch) || --watch.Watchers > 0)
            {
                return;
            }

            watches.Remove(group);
        }

        watch.Feed.Dispose();
        await watch.Grain.Unsubscribe(Reference());
    }

    private async Task ChangeAsync(Func<Task> change)
    {
        await gate.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            gate.Release();
        }
    }

    // Created on first use: the object reference needs the running silo or client. The relay is a singleton,
    // which keeps the observer strongly referenced for as long as the reference is handed out.
    private IMarketObserver Reference() => reference ??= grains.CreateObjectReference<IMarketObserver>(this);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Renewing a market subscription failed; the next renewal retries")]
    private partial void LogRenewalFailed(Exception exception);

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    private sealed class Watch(IObservableMarketGrain grain, LiveFeed feed)
    {
        public IObservableMarketGrain Grain { get; } = grain;

        public GrainId GrainId { get; } = ((IAddressable)grain).GetGrainId();

        public LiveFeed Feed { get; } = feed;

        public int Watchers { get; set; } = 1;

        /// <summary>1 while a resubscription is under way (one at a time per watch).</summary>
        public int Resubscribing;

        /// <summary>The interval last asked of the grain.</summary>
        public TimeSpan Requested { get; set; } = TimeSpan.MaxValue;
    }
}
