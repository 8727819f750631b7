using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A raw WebSocket hub client that subscribes and then never reads: with a tiny socket receive buffer, the
/// gateway's writes to it soon block on TCP back-pressure, as a frozen browser tab's would.
/// </summary>
internal sealed class FrozenClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket socket = new();
    private readonly HttpMessageInvoker invoker;
    private readonly CancellationTokenSource stopping = new();
    private Task pinging = Task.CompletedTask;

    private FrozenClient()
    {
        invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024, NoDelay = true };
                await raw.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new NetworkStream(raw, ownsSocket: true);
            },
        });
    }

    public WebSocketState State => socket.State;

    /// <summary>
    /// Connects, speaks the JSON hub handshake and subscribes to every chain given (without waiting for answers). With
    /// <paramref name="keepAlive"/> it pings every 10 s (sending needs no reading), so the server's client timeout
    /// cannot drop it before the outbox bound does.
    /// </summary>
    public static async Task<FrozenClient> SubscribeAsync(
        Uri gateway, string token, IEnumerable<(string Symbol, string Expiry)> chains, CancellationToken cancellationToken, bool keepAlive = false)
    {
        var client = new FrozenClient();
        var uri = new UriBuilder(new Uri(gateway, "hubs/market")) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        await client.socket.ConnectAsync(uri, client.invoker, cancellationToken);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        foreach (var (symbol, expiry) in chains)
        {
            var invocation = JsonSerializer.Serialize(new { type = 1, target = "SubscribeChain", arguments = new object?[] { symbol, expiry, "raw" } });
            await client.SendAsync(invocation, cancellationToken);
        }

        if (keepAlive)
        {
            client.pinging = client.PingAsync();
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Abort();

        // The pings end by the cancellation or by the aborted socket; how they ended is not a result.
        await pinging.ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        invoker.Dispose();
        stopping.Dispose();
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(stopping.Token) && socket.State == WebSocketState.Open)
        {
            await SendAsync("{\"type\":6}", stopping.Token);
        }
    }

    private Task SendAsync(string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);
}
