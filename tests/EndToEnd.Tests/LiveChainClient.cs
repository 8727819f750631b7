using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>A hub client recording, per chain, its epochs, updates and status messages with their receipt times.</summary>
internal sealed class LiveChainClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ChainLog> chains = new();

    private LiveChainClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("chainSnapshot", s => Log(s).Snapshot(s.GetProperty("epoch").GetInt64(), s.GetProperty("sequence").GetInt64()));
        connection.On<JsonElement>("chainUpdate", u => Log(u).Update(u.GetProperty("epoch").GetInt64(), u.GetProperty("fromSequence").GetInt64(), u.GetProperty("sequence").GetInt64()));
        connection.On<JsonElement>("chainStatus", s => Log(s).Status(s.GetProperty("stale").GetBoolean()));
    }

    public HubConnection Connection { get; }

    public static async Task<LiveChainClient> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new LiveChainClient(connection);
        await connection.StartAsync(cancellationToken);
        return client;
    }

    public ChainLog Of(ChainId chain) => chains.GetOrAdd(Key(chain.Symbol, chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), _ => new ChainLog());

    public static async Task WaitAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The same for a condition that asks over the network, so at half the rate.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static string Key(string symbol, string expiry) => symbol + ":" + expiry;

    private ChainLog Log(JsonElement message) =>
        chains.GetOrAdd(Key(message.GetProperty("symbol").GetString()!, message.GetProperty("expiry").GetString()!), _ => new ChainLog());
}
