using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>
/// The messages waiting for one SignalR connection. Posting never waits: while the connection takes writes at once
/// (its transport's buffer has room) the poster writes the message itself, under its own lock (which so grows by one
/// buffer copy per subscriber); once a write is pending, later messages queue for the loop that awaits it. A message
/// that does not fit the queue marks its source behind on this connection (its later messages are skipped); once the
/// queue has drained, each source behind posts its current state as a snapshot. A connection behind for longer than
/// <see cref="OutboxOptions.BehindTimeout"/> is aborted. Only this connection's loop ever waits for its socket.
/// </summary>
internal sealed partial class ConnectionOutbox : IAsyncDisposable
{
    private readonly HubConnectionContext connection;
    private readonly Queue<SerializedHubMessage> queue = new();
    private readonly int capacity;
    private readonly TimeSpan behindTimeout;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly RealtimeMetrics metrics;
    private readonly Lock gate = new();
    private readonly HashSet<IOutboxSource> sources = [];
    private readonly HashSet<IOutboxSource> behind = [];
    private readonly CancellationTokenSource stopping = new();
    private Task pump = Task.CompletedTask;
    private bool pumping;
    private long behindSince;
    private bool aborted;
    private bool closed;

    public ConnectionOutbox(HubConnectionContext connection, OutboxOptions options, TimeProvider clock, ILogger logger, RealtimeMetrics metrics)
    {
        this.metrics = metrics;
        this.connection = connection;
        this.clock = clock;
        this.logger = logger;
        capacity = options.Capacity;
        behindTimeout = options.BehindTimeout;
    }

    public string ConnectionId => connection.ConnectionId;

    /// <summary>True while at least one source's messages are being skipped.</summary>
    public bool IsBehind
    {
        get
        {
            lock (gate)
            {
                return behind.Count > 0;
            }
        }
    }

    /// <summary>Queues the source's next message; false (the message is skipped) while the source is behind here.</summary>
    public bool Post(IOutboxSource source, SerializedHubMessage message)
    {
        if (!Serialize(message))
        {
            return false;
        }

        lock (gate)
        {
            if (!behind.Contains(source) && Send(message))
            {
                return true;
            }

            FallBehind(source);
            return false;
        }
    }

    /// <summary>
    /// Queues a snapshot of the source, which replaces whatever of it was skipped. The source calls this under its
    /// own lock, so none of its updates can be queued between the snapshot and its being current again.
    /// </summary>
    public void PostSnapshot(IOutboxSource source, SerializedHubMessage snapshot)
    {
        if (!Serialize(snapshot))
        {
            return;
        }

        lock (gate)
        {
            sources.Add(source);
            behind.Remove(source);
            if (!Send(snapshot))
            {
                FallBehind(source);
            }
        }
    }

    /// <summary>The connection no longer listens to the source.</summary>
    public void Forget(IOutboxSource source)
    {
        lock (gate)
        {
            sources.Remove(source);
            behind.Remove(source);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IOutboxSource[] attached;
        Task writing;
        lock (gate)
        {
            closed = true;
            attached = [.. sources];
            sources.Clear();
            behind.Clear();
            queue.Clear();
            writing = pump;
        }

        foreach (var source in attached)
        {
            source.Detach(this);
        }

        await stopping.CancelAsync();
        await writing;
        stopping.Dispose();
    }

    // One message goes to many connections, and SignalR serialises it once per protocol under the message's lock: done
    // here, on the poster's thread, the first outbox of each protocol pays for it and the writes only copy the bytes,
    // rather than every other connection of the chain spinning on that lock while the first one serialises. A message
    // that cannot be serialised ends this connection, as SignalR's own write would, and not the poster's fan-out.
    private bool Serialize(SerializedHubMessage message)
    {
        try
        {
            message.GetSerializedMessage(connection.Protocol);
            return true;
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex, connection.ConnectionId);
            connection.Abort();
            return false;
        }
    }

    /// <summary>
    /// Writes the message now if nothing is waiting before it, else queues it; false when the queue is full. A write
    /// that does not complete at once (the socket is behind) is handed to the pump with everything after it. Called
    /// under the gate, which keeps the connection's messages in order, and under the poster's own lock: so the
    /// direct write only copies into the transport's buffer, and the pump never runs on the poster's thread.
    /// </summary>
    private bool Send(SerializedHubMessage message)
    {
        if (closed)
        {
            return true;
        }

        if (pumping)
        {
            if (queue.Count >= capacity)
            {
                return false;
            }

            queue.Enqueue(message);
            return true;
        }

        // Copying into the transport's buffer and scheduling its send: the write itself never blocks.
        var write = connection.WriteAsync(message, CancellationToken.None);
        if (write.IsCompletedSuccessfully)
        {
            write.GetAwaiter().GetResult();
        }
        else
        {
            pumping = true;
            pump = PumpAsync(write.AsTask());
        }

        return true;
    }

    private void FallBehind(IOutboxSource source)
    {
        if (behind.Count == 0)
        {
            behindSince = clock.GetTimestamp();
            metrics.OutboxBehind.Add(1);
        }

        behind.Add(source);
        if (!aborted && clock.GetElapsedTime(behindSince) > behindTimeout)
        {
            aborted = true;
            metrics.SlowConnectionsAborted.Add(1);
            LogAborted(connection.ConnectionId, behindTimeout);
            connection.Abort();

            // SignalR's abort leaves the transport's stuck send waiting for its own send timeout; aborting the request
            // closes the socket now, so the bound is when the connection ends.
            connection.GetHttpContext()?.Abort();
        }
    }

    /// <summary>
    /// Awaits the pending write, then writes what queued behind it until the queue is empty, and lets the sources
    /// that fell behind catch up.
    /// </summary>
    private async Task PumpAsync(Task pending)
    {
        try
        {
            // Always yields: a write that completed since the poster looked must not drain, or catch up (which takes
            // other sources' locks), on the poster's thread while it holds its own lock and the gate.
            await pending.WaitAsync(stopping.Token).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            while (true)
            {
                SerializedHubMessage? next;
                lock (gate)
                {
                    if (!queue.TryDequeue(out next))
                    {
                        pumping = false;
                        break;
                    }
                }

                await connection.WriteAsync(next, stopping.Token);
            }

            CatchUp();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disconnected: nothing is left to write to.
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex, connection.ConnectionId);
            connection.Abort();
        }
    }

    /// <summary>The queue is empty: every source that is behind posts its current state.</summary>
    private void CatchUp()
    {
        IOutboxSource[] lagging;
        lock (gate)
        {
            if (behind.Count == 0)
            {
                return;
            }

            lagging = [.. behind];
        }

        metrics.OutboxCatchUps.Add(1);
        foreach (var source in lagging)
        {
            source.CatchUp(this);
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Connection {ConnectionId} was behind for more than {Timeout} and is disconnected")]
    private partial void LogAborted(string connectionId, TimeSpan timeout);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Writing to connection {ConnectionId} failed; it is disconnected")]
    private partial void LogWriteFailed(Exception exception, string connectionId);
}
