using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
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

    /// <summary>Connects as the factory's signed-in user.</summary>
    public static async Task<HubClient> ConnectAsync(TestGatewayFactory factory) =>
        await ConnectAsync(factory, o => o.AccessTokenProvider = async () => (await factory.UserAsync()).Token);

    /// <summary>Connects with the credentials <paramref name="configure"/> sets (none: anonymous); the query of <paramref name="path"/> is kept.</summary>
    public static async Task<HubClient> ConnectAsync(TestGatewayFactory factory, Action<HttpConnectionOptions> configure, string path = "hubs/market")
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(configure);
        var server = factory.Server;
        var options = new HttpConnectionOptions();
        configure(options);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = options.AccessTokenProvider;
                o.WebSocketFactory = async (context, ct) =>
                {
                    // The test server's WebSocket client is not the default one: credentials are copied onto its request by hand.
                    var token = context.Options.AccessTokenProvider is { } provider ? await provider() : null;
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (!string.IsNullOrEmpty(token))
                        {
                            request.Headers.Authorization = "Bearer " + token;
                        }

                        foreach (var (name, value) in options.Headers)
                        {
                            request.Headers[name] = value;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var client = new HubClient(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

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
