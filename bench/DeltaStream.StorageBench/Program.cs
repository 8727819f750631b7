using System.Diagnostics;
using DeltaStream.History;
using DeltaStream.Providers.MongoDB.History;
using DeltaStream.Providers.MongoDB.Storage;
using DeltaStream.Snapshots;
using DeltaStream.StorageBench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Orleans.Runtime;
using Orleans.Storage;

// Storage figures against the MongoDB at args[0]: grain state writes/s (etag-guarded replaces, 16 writers),
// read-model inserts/s (InsertMany batches of 1,000 as the history writer sends them) and chain history
// query latency (100 newest points of one chain among many). Usage: StorageBench <connection string> [seconds]
var connection = args[0];
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var random = new Random(42);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddMongoGrainStorage("bench", o => o.ConnectionString = connection));
builder.Services.AddMongoHistory(o => o.ConnectionString = connection, write: false);
using var host = builder.Build();
await host.StartAsync();
var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("bench");

// 1. State writes: 1,000 grains, 16 concurrent writers, each write replacing the document its etag guards.
var grains = Enumerable.Range(0, 1_000).Select(i => (Id: GrainId.Create("bench", i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
    State: new GrainState<BenchState> { State = new BenchState { Quotes = [.. Enumerable.Range(0, 328).Select(_ => Math.Round(random.NextDouble() * 100, 2))] } })).ToArray();
foreach (var (id, state) in grains)
{
    await storage.WriteStateAsync("chain", id, state);
}

long writes = 0;
var clock = Stopwatch.StartNew();
await Parallel.ForAsync(0, 16, async (worker, _) =>
{
    for (var i = worker; clock.Elapsed.TotalSeconds < seconds; i = (i + 16) % grains.Length)
    {
        var (id, state) = grains[i];
        state.State!.Position++;
        await storage.WriteStateAsync("chain", id, state);
        Interlocked.Increment(ref writes);
    }
});
Console.WriteLine($"state writes: {writes / clock.Elapsed.TotalSeconds:F0}/s ({writes} in {clock.Elapsed.TotalSeconds:F1} s, 16 writers, ~{System.Text.Json.JsonSerializer.Serialize(grains[0].State.State).Length / 1024.0:F1} KB state)");

// 2. Read-model inserts: chain history documents in InsertMany batches of 1,000 (unordered, as the writer does).
var collections = host.Services.GetRequiredService<MongoHistoryCollections>();
await collections.EnsureIndexesAsync(CancellationToken.None);
var expiry = new DateOnly(2026, 12, 18);
var analytics = new ChainAnalytics(0.9, 1.1, 600, 600, 0.2, 12, 11, -0.01, 0.002, 100_000, 90_000, 1e9, 598, 610, 590);
var start = new DateTime(2026, 12, 1, 14, 30, 0, DateTimeKind.Utc);
long inserted = 0;
clock.Restart();
for (var batch = 0; clock.Elapsed.TotalSeconds < seconds; batch++)
{
    var documents = Enumerable.Range(0, 1_000).Select(i => ChainHistoryDocument.From(
        new ChainHistoryPoint($"S{i % 100:D2}", expiry, start.AddSeconds(batch * 10 + (i / 100)), 600 + (i % 7), analytics, false))).ToList();
    await collections.ChainHistory.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false });
    inserted += documents.Count;
}

Console.WriteLine($"read-model inserts: {inserted / clock.Elapsed.TotalSeconds:F0}/s ({inserted} chain history documents in {clock.Elapsed.TotalSeconds:F1} s, batches of 1000)");

// 3. History queries: the 100 newest points of a random chain, one at a time.
var reader = host.Services.GetRequiredService<IMarketHistoryReader>();
var latencies = new List<double>();
clock.Restart();
while (clock.Elapsed.TotalSeconds < seconds && latencies.Count < 2_000)
{
    var symbol = $"S{random.Next(100):D2}";
    var started = Stopwatch.GetTimestamp();
    var points = await reader.ChainHistoryAsync(symbol, expiry, DateTime.MinValue, DateTime.MaxValue, 100, CancellationToken.None);
    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (points.Count != 100)
    {
        throw new InvalidOperationException($"expected 100 points of {symbol}, got {points.Count}");
    }
}

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"history query (100 newest of one chain, {inserted} documents): p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms over {latencies.Count} queries");
await host.StopAsync();

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
