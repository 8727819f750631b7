using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DeltaStream.FanoutBench;

/// <summary>
/// One chain's client speaking the SignalR JSON protocol over a bare WebSocket (<see cref="SocketWebSocket"/>),
/// reading each message with <see cref="ChainMessageScan"/>. The driver shares the machine with what it measures,
/// and the .NET SignalR client's per-message binding cost it more than a core at 500 clients; this client's cost is
/// close to the frames' own, so the figures are the gateway's.
/// </summary>
internal sealed class RawFanoutClient : IFanoutClient
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly SocketWebSocket socket;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<(double Strike, long CallOi, long PutOi)> rows = [];
    private readonly TextBuffer text = new();
    private Task? receiving;
    private Task? pinging;

    private RawFanoutClient(SocketWebSocket socket, TickWriter writer) => (this.socket, Tracker) = (socket, new ChainTracker(writer));

    public ChainTracker Tracker { get; }

    public static async Task<RawFanoutClient> ConnectAsync(Uri gateway, string token, TickWriter writer, string symbol, string expiry, string throttle)
    {
        var uri = new UriBuilder(new Uri(gateway, "hubs/market")) { Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        var client = new RawFanoutClient(await SocketWebSocket.ConnectAsync(uri, CancellationToken.None), writer);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        await client.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "SubscribeChain", arguments = new[] { symbol, expiry, throttle } }));
        client.receiving = client.ReceiveAsync();
        client.pinging = client.PingAsync();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();

        // The loops end by cancellation or by the close; how they ended is not a result of the run.
        await Task.WhenAll(receiving ?? Task.CompletedTask, pinging ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        stopping.Dispose();
    }

    private Task SendAsync(string json) => socket.SendTextAsync(Encoding.UTF8.GetBytes(json + (char)RecordSeparator), stopping.Token);

    // The server drops a client it has not heard from for 30 s (ClientTimeoutInterval).
    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        while (await timer.WaitForNextTickAsync(stopping.Token))
        {
            await SendAsync("""{"type":6}""");
        }
    }

    private async Task ReceiveAsync()
    {
        while (!stopping.IsCancellationRequested && await socket.ReceiveAsync(text, stopping.Token))
        {
            var now = Stopwatch.GetTimestamp();
            var nowUtc = DateTime.UtcNow;
            int end;
            while ((end = text.Unread.IndexOf(RecordSeparator)) >= 0)
            {
                Handle(text.Unread[..end], now, nowUtc);
                text.Consume(end + 1);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> record, long now, DateTime nowUtc)
    {
        if (ChainMessageScan.TryRead(record, rows, out var snapshot, out var epoch, out var sequence, out var fromSequence, out var updatedAt))
        {
            Tracker.Receive(epoch, sequence, fromSequence, snapshot, rows, now, (nowUtc - updatedAt).TotalMilliseconds);
            if (!snapshot && Tracker.Recording)
            {
                Tracker.UpdateBytes += record.Length;
            }
        }
        else if (record.IndexOf("\"error\":"u8) >= 0)
        {
            // A refused subscription: the run goes on without this client's messages, and says so.
            Console.Error.WriteLine("hub error: " + Encoding.UTF8.GetString(record));
        }
    }
}
