using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DeltaStream.FanoutBench;

/// <summary>
/// One chain's client speaking the SignalR JSON protocol over a plain WebSocket, reading each message with a
/// forward-only scan for the fields the tracker needs. The driver shares the machine with what it measures, and
/// the .NET SignalR client's per-message binding cost it more than a core at 500 clients; this client's cost is
/// close to the frames' own, so the figures are the gateway's.
/// </summary>
internal sealed class RawFanoutClient : IFanoutClient
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<(double Strike, long CallOi, long PutOi)> rows = [];
    private Task? receiving;
    private Task? pinging;

    private RawFanoutClient(TickWriter writer) => Tracker = new ChainTracker(writer);

    public ChainTracker Tracker { get; }

    public static async Task<RawFanoutClient> ConnectAsync(Uri gateway, string token, TickWriter writer, string symbol, string expiry, string throttle)
    {
        var client = new RawFanoutClient(writer);
        var uri = new UriBuilder(new Uri(gateway, "hubs/market")) { Scheme = gateway.Scheme == "https" ? "wss" : "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        await client.socket.ConnectAsync(uri, CancellationToken.None);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        await client.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "SubscribeChain", arguments = new[] { symbol, expiry, throttle } }));
        client.receiving = client.ReceiveAsync();
        client.pinging = client.PingAsync();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // The loops end by cancellation or by the close; how they ended is not a result of the run.
        await Task.WhenAll(receiving ?? Task.CompletedTask, pinging ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        stopping.Dispose();
    }

    private Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + (char)RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, stopping.Token);

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
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        while (socket.State == WebSocketState.Open && !stopping.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), stopping.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            buffer.Advance(result.Count);
            var now = Stopwatch.GetTimestamp();
            var pending = buffer.WrittenMemory;
            int end;
            while ((end = pending.Span.IndexOf(RecordSeparator)) >= 0)
            {
                Handle(pending.Span[..end], now);
                pending = pending[(end + 1)..];
            }

            // Keep an incomplete record for the next frame.
            var rest = pending.ToArray();
            buffer.ResetWrittenCount();
            buffer.Write(rest);
        }
    }

    private void Handle(ReadOnlySpan<byte> json, long now)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        bool? snapshot = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                snapshot = reader.ValueTextEquals("chainSnapshot"u8) ? true : reader.ValueTextEquals("chainUpdate"u8) ? false : null;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                // A refused subscription: the run goes on without this client's messages, and says so.
                reader.Read();
                Console.Error.WriteLine("hub error: " + reader.GetString());
            }
            else if (reader.ValueTextEquals("arguments"u8) && snapshot is { } isSnapshot)
            {
                reader.Read();
                reader.Read();
                ReadChain(ref reader, isSnapshot, now);
                reader.Read();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadChain(ref Utf8JsonReader reader, bool snapshot, long now)
    {
        long epoch = 0, sequence = 0;
        long? fromSequence = null;
        rows.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("epoch"u8))
            {
                reader.Read();
                epoch = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("sequence"u8))
            {
                reader.Read();
                sequence = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("fromSequence"u8))
            {
                reader.Read();
                fromSequence = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
            }
            else if (reader.ValueTextEquals("strikes"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    rows.Add(ReadRow(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Tracker.Receive(epoch, sequence, fromSequence, snapshot, rows, now);
    }

    private static (double Strike, long CallOi, long PutOi) ReadRow(ref Utf8JsonReader reader)
    {
        var (strike, callOi, putOi) = (0d, -1L, -1L);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("strike"u8))
            {
                reader.Read();
                strike = reader.GetDouble();
            }
            else if (reader.ValueTextEquals("call"u8))
            {
                reader.Read();
                callOi = ReadOi(ref reader);
            }
            else if (reader.ValueTextEquals("put"u8))
            {
                reader.Read();
                putOi = ReadOi(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (strike, callOi, putOi);
    }

    private static long ReadOi(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        var oi = -1L;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("oi"u8))
            {
                reader.Read();
                oi = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : -1;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return oi;
    }
}
