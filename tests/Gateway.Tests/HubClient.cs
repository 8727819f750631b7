using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>A real SignalR client over WebSockets to the test server, recording what the hub pushes.</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ChainSnapshot>("chainSnapshot", s => Snapshots.Writer.TryWrite(s));
        connection.On<ChainUpdate>("chainUpdate", u => Updates.Writer.TryWrite(u));
        connection.On<UnderlyingSnapshot>("underlyingUpdate", u => Underlyings.Writer.TryWrite(u));
    }

    public HubConnection Connection { get; }

    public Channel<ChainSnapshot> Snapshots { get; } = Channel.CreateUnbounded<ChainSnapshot>();

    public Channel<ChainUpdate> Updates { get; } = Channel.CreateUnbounded<ChainUpdate>();

    public Channel<UnderlyingSnapshot> Underlyings { get; } = Channel.CreateUnbounded<UnderlyingSnapshot>();

    public static async Task<HubClient> ConnectAsync(GatewayFactory factory)
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/market"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
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
