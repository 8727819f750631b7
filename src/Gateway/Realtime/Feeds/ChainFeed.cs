using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// One chain as this gateway knows it: the latest state (the grain's snapshot with every update since folded in,
/// latest wins) and a lane per throttle level in use. An update that does not continue the state (a gap, or a
/// new epoch) makes the feed fetch the grain's snapshot (the grain's current activation answers, so its epoch is
/// taken as it is) and restart every lane from it; updates that arrive meanwhile are kept and applied after it
/// when they continue it. Its <see cref="IChainFeedListener"/> hears of each subscriber and each new state.
/// </summary>
internal sealed partial class ChainFeed(IOptionChainGrain grain, TimeProvider clock, ILogger logger, IChainFeedListener listener) : LiveFeed
{
    private const int PendingLimit = 64;

    private readonly Dictionary<UpdateThrottle, ChainLane> lanes = [];
    private readonly List<ChainUpdate> pending = [];
    private ChainSnapshot? latest;
    private bool fetching = true;
    private bool disposed;

    public void OnUpdate(ChainUpdate update)
    {
        lock (Gate)
        {
            if (disposed)
            {
                return;
            }

            if (fetching)
            {
                if (pending.Count < PendingLimit)
                {
                    pending.Add(update);
                }

                return;
            }

            if (!TryAdvance(update))
            {
                fetching = true;
                _ = ResyncAsync();
            }
        }
    }

    public override void Refresh()
    {
        lock (Gate)
        {
            if (!fetching && !disposed)
            {
                fetching = true;
                _ = ResyncAsync();
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

    /// <summary>False when the update neither continues the state nor is already in it.</summary>
    private bool TryAdvance(ChainUpdate update)
    {
        var current = latest!;
        if (update.Epoch == current.Epoch && update.Sequence <= current.Sequence)
        {
            return true;
        }

        if (update.Epoch != current.Epoch || update.Sequence != current.Sequence + 1)
        {
            return false;
        }

        latest = ChainDeltas.Apply(current, update);
        foreach (var lane in lanes.Values)
        {
            lane.Changed(latest);
        }

        listener.Changed(latest);
        return true;
    }

    /// <summary>A snapshot of the grain: the state unless it is older than what the feed already has.</summary>
    private void Accept(ChainSnapshot snapshot)
    {
        fetching = false;
        if (latest is null || snapshot.Epoch != latest.Epoch || snapshot.Sequence > latest.Sequence)
        {
            latest = snapshot;
            foreach (var lane in lanes.Values)
            {
                lane.Reset(snapshot);
            }

            listener.Changed(snapshot);
        }

        // Kept updates of another epoch are left out: if that epoch is the newer one, its next update asks again.
        var gap = false;
        foreach (var update in pending.Where(u => u.Epoch == latest.Epoch).OrderBy(u => u.Sequence))
        {
            gap |= !TryAdvance(update);
        }

        pending.Clear();
        if (gap)
        {
            fetching = true;
            _ = ResyncAsync();
        }
    }

    private async Task ResyncAsync()
    {
        RealtimeMetrics.FeedResyncs.Add(1);
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
            RealtimeMetrics.FeedResyncFailures.Add(1);
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
