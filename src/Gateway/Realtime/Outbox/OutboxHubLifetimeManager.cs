using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>SignalR's in-process lifetime manager that also gives every connection of the market hub its outbox.</summary>
internal sealed class OutboxHubLifetimeManager(ConnectionOutboxes outboxes, ILogger<DefaultHubLifetimeManager<MarketHub>> logger)
    : DefaultHubLifetimeManager<MarketHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        outboxes.Open(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await outboxes.CloseAsync(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
