using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using DeltaStream.Gateway.Insights;
using DeltaStream.Gateway.Realtime.Protocol;
using DeltaStream.Snapshots;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>A real SignalR client over WebSockets (to the test server, or to a gateway on Kestrel), recording what the hub pushes.</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<Exception?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        connection.On<InsightResponse>("insightUpdate", i => Insights.Writer.TryWrite(i));
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the connection closes (watched from before it starts), with the server's error if it sent one.</summary>
    public Task<Exception?> Closed => closed.Task;

    public Channel<ChainSnapshot> Snapshots { get; } = Channel.CreateUnbounded<ChainSnapshot>();

    public Channel<ChainDeltaMessage> Updates { get; } = Channel.CreateUnbounded<ChainDeltaMessage>();

    /// <summary>Every update with the time it was received (UTC), in order.</summary>
    public ConcurrentQueue<(DateTime At, ChainDeltaMessage Update)> Received { get; } = new();

    public Channel<UnderlyingSnapshot> Underlyings { get; } = Channel.CreateUnbounded<UnderlyingSnapshot>();

    public Channel<InsightResponse> Insights { get; } = Channel.CreateUnbounded<InsightResponse>();

    /// <summary>Connects as the factory's signed-in user with the JSON hub protocol, or with MessagePack (read with the gateway's own resolver).</summary>
    public static async Task<HubClient> ConnectAsync(TestGatewayFactory factory, bool messagePack = false) =>
        await ConnectAsync(factory, o => o.AccessTokenProvider = async () => (await factory.UserAsync()).Token, messagePack: messagePack);

    /// <summary>Connects with the credentials <paramref name="configure"/> sets (none: anonymous); the query of <paramref name="path"/> is kept.</summary>
    public static async Task<HubClient> ConnectAsync(TestGatewayFactory factory, Action<HttpConnectionOptions> configure, string path = "hubs/market", bool messagePack = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(configure);
        var server = factory.Server;
        var options = new HttpConnectionOptions();
        configure(options);
        var builder = new HubConnectionBuilder()
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
            });
        return await StartAsync(WithProtocol(builder, messagePack), CancellationToken.None);
    }

    /// <summary>A client of a gateway listening on a real socket, carrying <paramref name="token"/>.</summary>
    public static Task<HubClient> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
        return StartAsync(WithProtocol(builder, messagePack: false), cancellationToken);
    }

    private static HubConnection WithProtocol(IHubConnectionBuilder builder, bool messagePack) =>
        messagePack
            ? builder.AddMessagePackProtocol(o => o.SerializerOptions = JsonShapeResolver.Options).Build()
            : builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase))).Build();

    private static async Task<HubClient> StartAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        var client = new HubClient(connection);
        await HubConnections.StartOrDisposeAsync(connection, cancellationToken);
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
