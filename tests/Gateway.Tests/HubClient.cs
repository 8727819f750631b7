using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DeltaStream.Gateway.Realtime.Protocol;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>A real SignalR client over WebSockets (to the test server, or to a gateway on Kestrel), recording what the hub pushes.</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ChainSnapshot>("chainSnapshot", s => Snapshots.Writer.TryWrite(s));
        connection.On<ChainDeltaMessage>("chainUpdate", u =>
        {
            Received.Enqueue((DateTime.UtcNow, u));
            Updates.Writer.TryWrite(u);
        });
        connection.On<UnderlyingSnapshot>("underlyingUpdate", u => Underlyings.Writer.TryWrite(u));
    }

    public HubConnection Connection { get; }

    public Channel<ChainSnapshot> Snapshots { get; } = Channel.CreateUnbounded<ChainSnapshot>();

    public Channel<ChainDeltaMessage> Updates { get; } = Channel.CreateUnbounded<ChainDeltaMessage>();

    /// <summary>Every update with the time it was received (UTC), in order.</summary>
    public ConcurrentQueue<(DateTime At, ChainDeltaMessage Update)> Received { get; } = new();

    public Channel<UnderlyingSnapshot> Underlyings { get; } = Channel.CreateUnbounded<UnderlyingSnapshot>();

    /// <summary>Connects with the JSON hub protocol, or with MessagePack (read with the gateway's own resolver).</summary>
    public static async Task<HubClient> ConnectAsync(GatewayFactory factory, bool messagePack = false)
    {
        var server = factory.Server;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/market"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
            });
        var connection = messagePack
            ? builder.AddMessagePackProtocol(o => o.SerializerOptions = JsonShapeResolver.Options).Build()
            : builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase))).Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>A client of a gateway listening on a real socket.</summary>
    public static async Task<HubClient> ConnectAsync(Uri gateway, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync(cancellationToken);
        return client;
    }

    public static async Task<T> NextAsync<T>(Channel<T> channel, Func<T, bool>? until = null)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(cts.Token);
            if (until is null || until(item))
            {
                return item;
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
