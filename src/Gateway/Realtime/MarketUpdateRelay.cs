using DeltaStream.Grains;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime;

/// <summary>
/// The gateway's single observer of the grains: it holds one subscription per chain or underlying that any of
/// this process's SignalR connections watches (not one per connection), renews them inside the grains' lease,
/// drops them when the last watcher leaves, and fans each pushed update out to the matching SignalR group.
/// </summary>
internal sealed partial class MarketUpdateRelay(
    IGrainFactory grains,
    IHubContext<MarketHub> hub,
    IOptions<GatewayOptions> options,
    ILogger<MarketUpdateRelay> logger) : BackgroundService, IMarketObserver
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Watch> watches = [];
    private readonly Dictionary<string, HashSet<string>> watchesByConnection = [];
    private IMarketObserver? reference;

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

    public Task OnChainUpdate(ChainUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return hub.Clients.Group(HubGroups.Chain(new ChainId(update.Symbol, update.Expiry))).SendAsync(MarketHub.ChainUpdateMethod, update);
    }

    public Task OnUnderlyingUpdate(UnderlyingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return hub.Clients.Group(HubGroups.Underlying(snapshot.Symbol)).SendAsync(MarketHub.UnderlyingUpdateMethod, snapshot);
    }

    /// <summary>Watches the group for the connection; false (and nothing changed) when it already watches <paramref name="maxPerConnection"/> others.</summary>
    public async Task<bool> WatchAsync(string connectionId, string group, IObservableMarketGrain grain, int maxPerConnection)
    {
        var admitted = true;
        await ChangeAsync(async () =>
        {
            if (!watchesByConnection.TryGetValue(connectionId, out var groups))
            {
                watchesByConnection[connectionId] = groups = [];
            }

            if (groups.Contains(group))
            {
                return;
            }

            if (groups.Count >= maxPerConnection)
            {
                admitted = false;
                return;
            }

            groups.Add(group);

            Watch? watch;
            lock (watches)
            {
                if (watches.TryGetValue(group, out watch))
                {
                    watch.Watchers++;
                    return;
                }

                watches[group] = watch = new Watch(grain);
            }

            await grain.Subscribe(Reference());
        });
        return admitted;
    }

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SubscriptionRenewal);
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
                    await watch.Grain.Subscribe(Reference());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewalFailed(ex);
                }
            }
        }
    }

    private HashSet<string>? GroupsOf(string connectionId) => watchesByConnection.GetValueOrDefault(connectionId);

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

    private sealed class Watch(IObservableMarketGrain grain)
    {
        public IObservableMarketGrain Grain { get; } = grain;

        public int Watchers { get; set; } = 1;
    }
}
