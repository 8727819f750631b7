using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaStream.Testing;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// A real SignalR client of one chain that keeps the chain as API.md tells a client to: it applies a snapshot newer
/// than what it holds, then each update that continues it (rows replaced by strike, changed analytics merged). An
/// update that does not continue it is counted as a gap and not applied (the test allows none, so it asks for no
/// snapshot to repair one). Raw subscribers also record when each update was computed (the grain's
/// <c>updatedAt</c>) and received.
/// </summary>
internal sealed class ChainReplicaClient : IAsyncDisposable
{
    private static readonly string[] UpdateScalars = ["spot", "forward", "timeToExpiry", "updatedAt", "sequence"];

    private readonly Lock gate = new();
    private readonly HubConnection connection;

    // The chain as JSON text per field, row and analytics value: 500 clients on the test's cores cannot afford to
    // build a node tree from every message; the text is parsed once, for the comparison at the end.
    private readonly Dictionary<string, string> fields = [];
    private readonly Dictionary<string, string> analytics = [];
    private readonly SortedDictionary<double, string> rows = [];
    private readonly List<(DateTime UpdatedAt, DateTime At)> received = [];
    private readonly List<DateTime> snapshotsAt = [];
    private (long Epoch, long Sequence) position = (0, -1);

    private ChainReplicaClient(HubConnection connection, ChainId chainId, string throttle)
    {
        this.connection = connection;
        Chain = chainId;
        Throttle = throttle;
        connection.On<JsonElement>("chainSnapshot", OnSnapshot);
        connection.On<JsonElement>("chainUpdate", OnUpdate);
    }

    public ChainId Chain { get; }

    public string Throttle { get; }

    public (long Epoch, long Sequence) Position
    {
        get
        {
            lock (gate)
            {
                return position;
            }
        }
    }

    /// <summary>Updates applied.</summary>
    public int Updates { get; private set; }

    /// <summary>Set once the connection closed, for any reason.</summary>
    public bool Closed { get; private set; }

    /// <summary>Updates that neither continued the chain held nor were older than it.</summary>
    public int Gaps { get; private set; }

    /// <summary>Whether a raw subscriber applied an update matching <paramref name="match"/> (its <c>updatedAt</c> and receipt time, UTC).</summary>
    public bool HasReceived(Func<(DateTime UpdatedAt, DateTime At), bool> match)
    {
        lock (gate)
        {
            return received.Exists(r => match(r));
        }
    }

    /// <summary>When snapshots arrived (UTC), applied or not.</summary>
    public IReadOnlyList<DateTime> SnapshotsAt
    {
        get
        {
            lock (gate)
            {
                return [.. snapshotsAt];
            }
        }
    }

    /// <summary>Raw subscribers only: each applied update's <c>updatedAt</c> and receipt time (UTC).</summary>
    public IReadOnlyList<(DateTime UpdatedAt, DateTime At)> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public static async Task<ChainReplicaClient> ConnectAsync(Uri gateway, string token, ChainId chain, string throttle, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/market"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();

        // Hundreds of clients start, and read, on the cores the cluster warms up on: the harness's own delays must not
        // close connections (the gateway's pings are 15 s apart).
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var client = new ChainReplicaClient(connection, chain, throttle);
        connection.Closed += _ =>
        {
            client.Closed = true;
            return Task.CompletedTask;
        };
        await HubConnections.StartOrDisposeAsync(connection, cancellationToken);
        return client;
    }

    public Task SubscribeAsync(CancellationToken cancellationToken) =>
        connection.InvokeAsync("SubscribeChain", Chain.Symbol, Chain.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Throttle, cancellationToken);

    /// <summary>The chain as this client holds it, in the snapshot's shape.</summary>
    public JsonObject Current()
    {
        lock (gate)
        {
            var current = new JsonObject();
            foreach (var (name, text) in fields)
            {
                current[name] = JsonNode.Parse(text);
            }

            current["analytics"] = new JsonObject(analytics.Select(a => KeyValuePair.Create(a.Key, JsonNode.Parse(a.Value))));
            current["strikes"] = new JsonArray([.. rows.Values.Select(r => JsonNode.Parse(r))]);
            return current;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static (long Epoch, long Sequence) PositionOf(JsonElement message) => (message.GetProperty("epoch").GetInt64(), message.GetProperty("sequence").GetInt64());

    private void OnSnapshot(JsonElement snapshot)
    {
        var at = PositionOf(snapshot);
        lock (gate)
        {
            snapshotsAt.Add(DateTime.UtcNow);
            if (at.Epoch == position.Epoch && at.Sequence <= position.Sequence)
            {
                return;
            }

            fields.Clear();
            analytics.Clear();
            rows.Clear();
            foreach (var property in snapshot.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "analytics":
                        Merge(property.Value);
                        break;
                    case "strikes":
                        Replace(property.Value);
                        break;
                    default:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                }
            }

            position = at;
        }
    }

    private void OnUpdate(JsonElement update)
    {
        var receivedAt = DateTime.UtcNow;
        var at = PositionOf(update);
        lock (gate)
        {
            if (at.Epoch != position.Epoch || update.GetProperty("fromSequence").GetInt64() != position.Sequence + 1)
            {
                if (at.Epoch != position.Epoch || at.Sequence > position.Sequence)
                {
                    Gaps++;
                }

                return;
            }

            foreach (var name in UpdateScalars)
            {
                fields[name] = update.GetProperty(name).GetRawText();
            }

            Merge(update.GetProperty("analytics"));
            Replace(update.GetProperty("strikes"));
            position = at;
            Updates++;
            if (Throttle == "raw")
            {
                received.Add((update.GetProperty("updatedAt").GetDateTime().ToUniversalTime(), receivedAt));
            }
        }
    }

    private void Merge(JsonElement changed)
    {
        foreach (var property in changed.EnumerateObject())
        {
            analytics[property.Name] = property.Value.GetRawText();
        }
    }

    private void Replace(JsonElement strikes)
    {
        foreach (var row in strikes.EnumerateArray())
        {
            rows[row.GetProperty("strike").GetDouble()] = row.GetRawText();
        }
    }
}
