using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>The outbox of every open hub connection of this process, opened and closed with the connection.</summary>
internal sealed class ConnectionOutboxes(IOptions<OutboxOptions> options, TimeProvider clock, ILogger<ConnectionOutbox> logger, RealtimeMetrics metrics)
{
    private readonly ConcurrentDictionary<string, ConnectionOutbox> open = new();

    public int Count => open.Count;

    /// <summary>The open connections whose outbox is behind now.</summary>
    public int BehindCount => open.Values.Count(o => o.IsBehind);

    public void Open(HubConnectionContext connection) =>
        open[connection.ConnectionId] = new ConnectionOutbox(connection, options.Value, clock, logger, metrics);

    /// <summary>The connection's outbox; a hub method only runs on an open connection.</summary>
    public ConnectionOutbox Get(string connectionId) =>
        open.TryGetValue(connectionId, out var outbox) ? outbox : throw new InvalidOperationException($"Connection '{connectionId}' is not open.");

    public async Task CloseAsync(string connectionId)
    {
        if (open.TryRemove(connectionId, out var outbox))
        {
            await outbox.DisposeAsync();
        }
    }
}
