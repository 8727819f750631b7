using DeltaStream.Gateway.Realtime.Outbox;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// What this gateway holds of one grain's published state, and who listens to it. The grain's observer callback
/// only updates the feed and posts to outboxes under <see cref="Gate"/>; it never waits for a connection.
/// </summary>
internal abstract class LiveFeed : IDisposable
{
    private Task? ready;

    protected Lock Gate { get; } = new();

    /// <summary>How soon after a tick this feed's subscribers want its change: what the gateway asks the grain for.</summary>
    public abstract TimeSpan Interval { get; }

    /// <summary>Completes once the feed holds the grain's state; a failed load is retried by the next caller.</summary>
    public Task ReadyAsync()
    {
        lock (Gate)
        {
            if (ready is null || ready.IsFaulted || ready.IsCanceled)
            {
                ready = LoadAsync();
            }

            return ready;
        }
    }

    /// <summary>The grain's publisher restarted: fetch its state again and restart every subscriber from it.</summary>
    public abstract void Refresh();

    /// <summary>The connection no longer listens.</summary>
    public abstract void Remove(ConnectionOutbox outbox);

    public abstract void Dispose();

    protected abstract Task LoadAsync();
}
