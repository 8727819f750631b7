using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.FanoutBench;

/// <summary>One chain's client on the .NET SignalR client (what an application pays per message, binding included).</summary>
internal sealed class FanoutClient : IFanoutClient
{
    private readonly HubConnection connection;

    private FanoutClient(HubConnection connection, TickWriter writer)
    {
        this.connection = connection;
        Tracker = new ChainTracker(writer);
        connection.On<ChainMessage>("chainSnapshot", s => Receive(s, snapshot: true));
        connection.On<ChainMessage>("chainUpdate", u => Receive(u, snapshot: false));
    }

    public ChainTracker Tracker { get; }

    public static async Task<FanoutClient> ConnectAsync(Uri gateway, string token, TickWriter writer, string symbol, string expiry, string throttle)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        var client = new FanoutClient(connection, writer);
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeChain", symbol, expiry, throttle);
        return client;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void Receive(ChainMessage message, bool snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        var rows = (message.Strikes ?? []).Select(r => (r.Strike, r.Call?.Oi ?? -1, r.Put?.Oi ?? -1)).ToArray();
        Tracker.Receive(message.Epoch, message.Sequence, message.FromSequence, snapshot, rows, now, (DateTime.UtcNow - message.UpdatedAt.ToUniversalTime()).TotalMilliseconds);
    }
}
