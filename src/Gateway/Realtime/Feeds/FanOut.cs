using DeltaStream.Gateway.Realtime.Outbox;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>The outboxes one source posts to; its owner serialises every call with its lock.</summary>
internal sealed class FanOut(IOutboxSource source)
{
    private readonly HashSet<ConnectionOutbox> outboxes = [];

    public int Count => outboxes.Count;

    public bool Contains(ConnectionOutbox outbox) => outboxes.Contains(outbox);

    /// <summary>Adds the outbox (or keeps it) and queues the snapshot it starts from.</summary>
    public void Add(ConnectionOutbox outbox, SerializedHubMessage snapshot)
    {
        outboxes.Add(outbox);
        outbox.PostSnapshot(source, snapshot);
    }

    public bool Remove(ConnectionOutbox outbox)
    {
        if (!outboxes.Remove(outbox))
        {
            return false;
        }

        outbox.Forget(source);
        return true;
    }

    public void Post(SerializedHubMessage message)
    {
        foreach (var outbox in outboxes)
        {
            outbox.Post(source, message);
        }
    }

    public void PostSnapshot(SerializedHubMessage snapshot)
    {
        foreach (var outbox in outboxes)
        {
            outbox.PostSnapshot(source, snapshot);
        }
    }

    public void Clear()
    {
        foreach (var outbox in outboxes)
        {
            outbox.Forget(source);
        }

        outboxes.Clear();
    }
}
