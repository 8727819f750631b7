using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.FanoutBench;

/// <summary>
/// One SignalR client of one chain: it records, for every tick it sees for the first time (a contract's OI above
/// what it saw before), how long ago the tick was written to Redis, and counts sequence gaps within an epoch.
/// </summary>
internal sealed class FanoutClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly TickWriter writer;
    private readonly Dictionary<(double Strike, bool Call), long> seen = [];
    private readonly Lock gate = new();
    private long epoch;
    private long sequence;

    private FanoutClient(HubConnection connection, TickWriter writer)
    {
        this.connection = connection;
        this.writer = writer;
        connection.On<JsonElement>("chainSnapshot", s => Receive(s, snapshot: true));
        connection.On<JsonElement>("chainUpdate", u => Receive(u, snapshot: false));
    }

    public List<double> LatenciesMs { get; } = new(4096);

    public long Messages { get; private set; }

    public long Gaps { get; private set; }

    /// <summary>Latencies are recorded only while this is set (after warm-up).</summary>
    public bool Recording { get; set; }

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

    private void Receive(JsonElement message, bool snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            Messages++;
            var messageEpoch = message.GetProperty("epoch").GetInt64();
            var last = message.GetProperty("sequence").GetInt64();
            if (!snapshot && messageEpoch == epoch && message.GetProperty("fromSequence").GetInt64() != sequence + 1)
            {
                Gaps++;
            }

            (epoch, sequence) = (messageEpoch, last);
            foreach (var row in message.GetProperty("strikes").EnumerateArray())
            {
                var strike = row.GetProperty("strike").GetDouble();
                See(row, "call", strike, true, now, snapshot);
                See(row, "put", strike, false, now, snapshot);
            }
        }
    }

    private void See(JsonElement row, string side, double strike, bool call, long now, bool snapshot)
    {
        if (!row.TryGetProperty(side, out var quote) || quote.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var id = quote.GetProperty("oi").GetInt64();
        if (seen.TryGetValue((strike, call), out var previous) && previous >= id)
        {
            return;
        }

        seen[(strike, call)] = id;
        var writtenAt = writer.WrittenAt(id);
        if (!snapshot && Recording && writtenAt > 0)
        {
            LatenciesMs.Add(Stopwatch.GetElapsedTime(writtenAt, now).TotalMilliseconds);
        }
    }
}
