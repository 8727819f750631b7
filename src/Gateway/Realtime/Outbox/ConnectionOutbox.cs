using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>
/// The messages waiting for one SignalR connection, and the loop that writes them. Posting never waits: a message
/// that does not fit marks its source behind on this connection (its later messages are skipped); once the queue
/// has drained, each source behind posts its current state as a snapshot. A connection behind for longer than
/// <see cref="OutboxOptions.BehindTimeout"/> is aborted. Only this connection's loop ever waits for its socket.
/// </summary>
internal sealed partial class ConnectionOutbox : IAsyncDisposable
{
    private readonly HubConnectionContext connection;
    private readonly Channel<SerializedHubMessage> queue;
    private readonly TimeSpan behindTimeout;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly HashSet<IOutboxSource> sources = [];
    private readonly HashSet<IOutboxSource> behind = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task pump;
    private long behindSince;
    private bool aborted;

    public ConnectionOutbox(HubConnectionContext connection, OutboxOptions options, TimeProvider clock, ILogger logger)
    {
        this.connection = connection;
        this.clock = clock;
        this.logger = logger;
        behindTimeout = options.BehindTimeout;
        queue = Channel.CreateBounded<SerializedHubMessage>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        pump = Task.Run(PumpAsync);
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
        Serialize(message);
        lock (gate)
        {
            if (!behind.Contains(source) && queue.Writer.TryWrite(message))
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
        Serialize(snapshot);
        lock (gate)
        {
            sources.Add(source);
            behind.Remove(source);
            if (!queue.Writer.TryWrite(snapshot))
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
        lock (gate)
        {
            attached = [.. sources];
            sources.Clear();
            behind.Clear();
        }

        foreach (var source in attached)
        {
            source.Detach(this);
        }

        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await pump;
        stopping.Dispose();
    }

    // One message goes to many connections, and SignalR serialises it once per protocol under the message's lock: done
    // here, on the poster's thread, the first outbox of each protocol pays for it and the pumps only read the bytes,
    // rather than every other pump of the chain spinning on that lock while the first one serialises.
    private void Serialize(SerializedHubMessage message) => message.GetSerializedMessage(connection.Protocol);

    private void FallBehind(IOutboxSource source)
    {
        if (behind.Count == 0)
        {
            behindSince = clock.GetTimestamp();
            RealtimeMetrics.OutboxBehind.Add(1);
        }

        behind.Add(source);
        if (!aborted && clock.GetElapsedTime(behindSince) > behindTimeout)
        {
            aborted = true;
            RealtimeMetrics.SlowConnectionsAborted.Add(1);
            LogAborted(connection.ConnectionId, behindTimeout);
            connection.Abort();
        }
    }

    private async Task PumpAsync()
    {
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping.Token))
            {
                while (reader.TryRead(out var message))
                {
                    await connection.WriteAsync(message, stopping.Token);
                }

                CatchUp();
            }
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

        RealtimeMetrics.OutboxCatchUps.Add(1);
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
