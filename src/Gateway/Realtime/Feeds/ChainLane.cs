using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// The subscribers of one chain at one throttle level. The lane remembers the state it last sent; each update it
/// sends is the difference from that state to the chain's latest, so merged updates carry
/// <c>fromSequence..sequence</c> and a subscriber that starts from the lane's snapshot misses nothing. All calls
/// run under the chain feed's lock.
/// </summary>
internal sealed class ChainLane : IOutboxSource, IDisposable
{
    private readonly Lock gate;
    private readonly TimeSpan interval;
    private readonly Func<ChainSnapshot> latest;
    private readonly TimeProvider clock;
    private readonly FanOut subscribers;
    private readonly ITimer? timer;
    private ChainSnapshot sent;
    private SerializedHubMessage? snapshotMessage;
    private long sentAt;
    private bool armed;
    private bool disposed;

    public ChainLane(Lock gate, UpdateThrottle throttle, Func<ChainSnapshot> latest, TimeProvider clock)
    {
        this.gate = gate;
        this.latest = latest;
        this.clock = clock;
        interval = throttle.Interval;
        subscribers = new FanOut(this);
        sent = latest();
        if (interval > TimeSpan.Zero)
        {
            timer = clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public int Count => subscribers.Count;

    public void Add(ConnectionOutbox outbox) => subscribers.Add(outbox, SnapshotMessage());

    public bool Remove(ConnectionOutbox outbox) => subscribers.Remove(outbox);

    /// <summary>The chain's latest state moved on by one update.</summary>
    public void Changed(ChainSnapshot current)
    {
        if (timer is null)
        {
            Send(current);
            return;
        }

        var quiet = clock.GetElapsedTime(sentAt);
        if (quiet >= interval)
        {
            Send(current);
        }
        else if (!armed)
        {
            armed = true;
            timer.Change(interval - quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A message about the chain (not its state) for every subscriber of the lane.</summary>
    public void Post(SerializedHubMessage message) => subscribers.Post(message);

    /// <summary>The chain starts again from <paramref name="snapshot"/> (a new epoch, or a gap repaired).</summary>
    public void Reset(ChainSnapshot snapshot)
    {
        sent = snapshot;
        snapshotMessage = null;
        sentAt = clock.GetTimestamp();
        subscribers.PostSnapshot(SnapshotMessage());
    }

    public void CatchUp(ConnectionOutbox outbox)
    {
        lock (gate)
        {
            if (subscribers.Contains(outbox))
            {
                outbox.PostSnapshot(this, SnapshotMessage());
            }
        }
    }

    public void Detach(ConnectionOutbox outbox)
    {
        lock (gate)
        {
            subscribers.Remove(outbox);
        }
    }

    public void Dispose()
    {
        disposed = true;
        subscribers.Clear();
        timer?.Dispose();
    }

    private void OnTimer()
    {
        lock (gate)
        {
            armed = false;
            var current = latest();
            if (!disposed && current.Epoch == sent.Epoch && current.Sequence > sent.Sequence)
            {
                Send(current);
            }
        }
    }

    private void Send(ChainSnapshot current)
    {
        var delta = ChainDeltas.Between(sent, current);
        sent = current;
        snapshotMessage = null;
        sentAt = clock.GetTimestamp();
        subscribers.Post(HubMessages.Invocation(MarketHub.ChainUpdateMethod, delta));
    }

    private SerializedHubMessage SnapshotMessage() => snapshotMessage ??= HubMessages.Invocation(MarketHub.ChainSnapshotMethod, sent);
}
