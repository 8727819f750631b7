using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// One chain as this gateway knows it: the latest state (the grain's snapshot with every update since folded in,
/// latest wins) and a lane per throttle level in use. An update of the same epoch that arrives ahead of the next
/// one is held for up to <paramref name="reorderWindow"/> (<see cref="UpdateReorderBuffer"/>). An update of
/// another epoch, or a gap that stays open, makes the feed fetch the grain's snapshot (the grain's current
/// activation answers, so its epoch is taken as it is): a new epoch restarts every lane from it, a later state of
/// the same epoch reaches subscribers as one merged update; the newest updates that arrive meanwhile are kept and
/// applied after it when they continue it. Its <see cref="IChainFeedListener"/> hears of each subscriber and each
/// new state.
/// </summary>
internal sealed partial class ChainFeed(IOptionChainGrain grain, TimeProvider clock, TimeSpan reorderWindow, ILogger logger, IChainFeedListener listener, RealtimeMetrics metrics) : LiveFeed
{
    private const int PendingLimit = 64;

    private readonly Dictionary<UpdateThrottle, ChainLane> lanes = [];
    private readonly List<ChainUpdate> pending = [];
    private readonly UpdateReorderBuffer early = new(PendingLimit);
    private ChainSnapshot? latest;
    private long heardAt = clock.GetTimestamp();
    private bool fetching = true;
    private bool stale;
    private bool disposed;

    public override TimeSpan Interval
    {
        get
        {
            lock (Gate)
            {
                return lanes.Count == 0 ? UpdateThrottle.Default.Interval : lanes.Keys.Min(level => level.Interval);
            }
        }
    }

    public void OnUpdate(ChainUpdate update)
    {
        lock (Gate)
        {
            if (disposed)
            {
                return;
            }

            HeardLocked();
            if (fetching)
            {
                // The snapshot will cover what the grain sent before it answered: keep the newest updates.
                pending.Add(update);
                if (pending.Count > PendingLimit)
                {
                    pending.Remove(pending.MinBy(u => (u.Epoch, u.Sequence))!);
                }

                return;
            }

            if (!TryAdvance(update) || early.Overdue(clock, reorderWindow))
            {
                StartResync();
            }
        }
    }

    /// <summary>Fetches the snapshot when an early update has waited past the reorder window; true when it did.</summary>
    public bool CheckGap()
    {
        lock (Gate)
        {
            if (disposed || fetching || !early.Overdue(clock, reorderWindow))
            {
                return false;
            }

            StartResync();
            return true;
        }
    }

    /// <summary>The grain sent a heartbeat: it is alive, though its chain did not change.</summary>
    public void Heard()
    {
        lock (Gate)
        {
            if (!disposed)
            {
                HeardLocked();
            }
        }
    }

    /// <summary>Marks the chain stale to its subscribers once nothing was heard for <paramref name="after"/>; true when it just became stale.</summary>
    public bool CheckStale(TimeSpan after)
    {
        lock (Gate)
        {
            if (disposed || stale || latest is null || clock.GetElapsedTime(heardAt) < after)
            {
                return false;
            }

            stale = true;
            PostStatus();
            return true;
        }
    }

    public override void Refresh()
    {
        lock (Gate)
        {
            if (!fetching && !disposed)
            {
                StartResync();
            }
        }
    }

    /// <summary>Sends the connection the chain's snapshot at its throttle level, then that level's updates.</summary>
    public void Add(ConnectionOutbox outbox, UpdateThrottle throttle)
    {
        lock (Gate)
        {
            foreach (var (level, other) in lanes)
            {
                if (level != throttle)
                {
                    other.Remove(outbox);
                }
            }

            DropEmptyLanes();
            if (!lanes.TryGetValue(throttle, out var lane))
            {
                lanes[throttle] = lane = new ChainLane(Gate, throttle, () => latest!, clock);
            }

            lane.Add(outbox);
            listener.Added(outbox);
        }
    }

    public override void Remove(ConnectionOutbox outbox)
    {
        lock (Gate)
        {
            foreach (var lane in lanes.Values)
            {
                lane.Remove(outbox);
            }

            listener.Removed(outbox);
            DropEmptyLanes();
        }
    }

    public override void Dispose()
    {
        lock (Gate)
        {
            disposed = true;
            foreach (var lane in lanes.Values)
            {
                lane.Dispose();
            }

            lanes.Clear();
            listener.Dispose();
        }
    }

    protected override async Task LoadAsync()
    {
        var snapshot = await grain.GetSnapshot();
        lock (Gate)
        {
            Accept(snapshot);
        }
    }

    /// <summary>
    /// Applies the update when it continues the state (and then every held one that follows it), holds it when it
    /// is of the same epoch but early; false when it is of another epoch or the buffer is full.
    /// </summary>
    private bool TryAdvance(ChainUpdate update)
    {
        var current = latest!;
        if (update.Epoch != current.Epoch)
        {
            return false;
        }

        if (update.Sequence <= current.Sequence)
        {
            return true;
        }

        if (update.Sequence != current.Sequence + 1)
        {
            metrics.FeedEarlyUpdates.Add(1);
            return early.Hold(update, clock.GetTimestamp());
        }

        do
        {
            current = ChainDeltas.Apply(current, update);
        }
        while (early.TryTakeNext(current.Epoch, current.Sequence, out update));

        latest = current;
        foreach (var lane in lanes.Values)
        {
            lane.Changed(current);
        }

        listener.Changed(current);
        return true;
    }

    private void StartResync()
    {
        fetching = true;
        _ = ResyncAsync();
    }

    private void HeardLocked()
    {
        heardAt = clock.GetTimestamp();
        if (stale && latest is not null)
        {
            stale = false;
            PostStatus();
        }
    }

    private void PostStatus()
    {
        var heard = clock.GetUtcNow().UtcDateTime - clock.GetElapsedTime(heardAt);
        var status = HubMessages.Invocation(MarketHub.ChainStatusMethod, new ChainStatus(latest!.Symbol, latest.Expiry, latest.Epoch, latest.Sequence, stale, heard));
        foreach (var lane in lanes.Values)
        {
            lane.Post(status);
        }
    }

    /// <summary>A snapshot of the grain: the state unless it is older than what the feed already has.</summary>
    private void Accept(ChainSnapshot snapshot)
    {
        fetching = false;
        heardAt = clock.GetTimestamp();
        if (latest is null || snapshot.Epoch != latest.Epoch)
        {
            // A new epoch: every subscriber starts again from it (and so also knows the chain is live again).
            stale = false;
            latest = snapshot;
            early.Clear();
            foreach (var lane in lanes.Values)
            {
                lane.Reset(snapshot);
            }

            listener.Changed(snapshot);
        }
        else if (snapshot.Sequence > latest.Sequence)
        {
            // Missed updates of the same epoch: each lane sends one merged update from what it last sent.
            latest = snapshot;
            foreach (var lane in lanes.Values)
            {
                lane.Changed(snapshot);
            }

            listener.Changed(snapshot);
        }

        // Kept updates of another epoch are left out: if that epoch is the newer one, its next update asks again.
        // Early ones wait in the reorder buffer like live ones, and held updates the snapshot covers are dropped.
        var full = false;
        foreach (var update in pending.Where(u => u.Epoch == latest.Epoch).OrderBy(u => u.Sequence))
        {
            full |= !TryAdvance(update);
        }

        pending.Clear();
        while (early.TryTakeNext(latest.Epoch, latest.Sequence, out var next))
        {
            full |= !TryAdvance(next);
        }

        if (full)
        {
            StartResync();
        }
    }

    private async Task ResyncAsync()
    {
        metrics.FeedResyncs.Add(1);
        try
        {
            var snapshot = await grain.GetSnapshot();
            lock (Gate)
            {
                Accept(snapshot);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogResyncFailed(ex);
            metrics.FeedResyncFailures.Add(1);
            lock (Gate)
            {
                // The next update that does not continue the state asks again.
                fetching = false;
                pending.Clear();
            }
        }
    }

    private void DropEmptyLanes()
    {
        foreach (var (level, lane) in lanes)
        {
            if (lane.Count == 0)
            {
                lane.Dispose();
                lanes.Remove(level);
            }
        }
    }

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Fetching a chain snapshot after a gap failed; the next update retries")]
    private partial void LogResyncFailed(Exception exception);
}
