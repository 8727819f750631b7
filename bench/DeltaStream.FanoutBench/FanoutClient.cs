using System.Diagnostics;
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
        connection.On<ChainMessage>("chainSnapshot", s => Receive(s, snapshot: true));
        connection.On<ChainMessage>("chainUpdate", u => Receive(u, snapshot: false));
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

    private void Receive(ChainMessage message, bool snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            Messages++;
            if (!snapshot && message.Epoch == epoch && message.FromSequence != sequence + 1)
            {
                Gaps++;
            }

            (epoch, sequence) = (message.Epoch, message.Sequence);
            foreach (var row in message.Strikes ?? [])
            {
                See(row.Call, row.Strike, true, now, snapshot);
                See(row.Put, row.Strike, false, now, snapshot);
            }
        }
    }

    private void See(QuoteMessage? quote, double strike, bool call, long now, bool snapshot)
    {
        if (quote?.Oi is not { } id || (seen.TryGetValue((strike, call), out var previous) && previous >= id))
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
