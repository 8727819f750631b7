using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>One underlying's session: every message is the whole state, so the latest replaces anything skipped.</summary>
internal sealed class UnderlyingFeed : LiveFeed, IOutboxSource
{
    private readonly IUnderlyingGrain grain;
    private readonly FanOut subscribers;
    private readonly RealtimeMetrics metrics;
    private SerializedHubMessage? latest;

    public UnderlyingFeed(IUnderlyingGrain grain, RealtimeMetrics metrics)
    {
        this.metrics = metrics;
        this.grain = grain;
        subscribers = new FanOut(this);
    }

    public override TimeSpan Interval => UpdateThrottle.Default.Interval;

    public void OnUpdate(UnderlyingSnapshot snapshot)
    {
        lock (Gate)
        {
            latest = HubMessages.Invocation(MarketHub.UnderlyingUpdateMethod, snapshot);
            subscribers.Post(latest);
        }
    }

    public override void Refresh() => _ = RefreshAsync();

    public void Add(ConnectionOutbox outbox)
    {
        lock (Gate)
        {
            subscribers.Add(outbox, latest!);
        }
    }

    public override void Remove(ConnectionOutbox outbox)
    {
        lock (Gate)
        {
            subscribers.Remove(outbox);
        }
    }

    public void CatchUp(ConnectionOutbox outbox)
    {
        lock (Gate)
        {
            if (subscribers.Contains(outbox))
            {
                outbox.PostSnapshot(this, latest!);
            }
        }
    }

    public void Detach(ConnectionOutbox outbox) => Remove(outbox);

    public override void Dispose()
    {
        lock (Gate)
        {
            subscribers.Clear();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            OnUpdate(await grain.GetSnapshot());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The grain's next push brings the whole state anyway.
            metrics.FeedResyncFailures.Add(1);
        }
    }

    protected override async Task LoadAsync()
    {
        var snapshot = await grain.GetSnapshot();
        lock (Gate)
        {
            // An update pushed while the snapshot was on its way is the newer one.
            latest ??= HubMessages.Invocation(MarketHub.UnderlyingUpdateMethod, snapshot);
        }
    }
}
