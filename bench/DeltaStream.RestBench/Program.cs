using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// REST load driver: registers a user, then N concurrent loops GET one chain snapshot (default strikes) with the
// bearer token for the given seconds, after a warm-up. Prints requests/s and latency percentiles. With path "batch"
// each request instead POSTs [options] European options (default 10,000) to /api/v1/pricing/batch, and the
// options/s and wall time per option are printed too.
// Usage: DeltaStream.RestBench <base-url> [seconds=30] [concurrency=32] [path=/api/v1/chains/NIFTY/{first expiry}] [options]
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080");
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = baseUrl,
};
var registered = await http.PostAsJsonAsync("/api/v1/auth/register", new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "bench-password-1" });
registered.EnsureSuccessStatusCode();
var token = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var path = args.Length > 3
    ? args[3]
    : $"/api/v1/chains/NIFTY/{(await http.GetFromJsonAsync<JsonElement>("/api/v1/underlyings/NIFTY")).GetProperty("expiries")[0].GetString()}";

var batchSize = path == "batch" ? (args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10_000) : 0;
var batchBody = batchSize > 0 ? BatchBody(batchSize) : null;

await RunAsync(TimeSpan.FromSeconds(Math.Min(5, seconds)));
var (latencies, errors, elapsed, bytes) = await RunAsync(TimeSpan.FromSeconds(seconds));
var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(batchBody is null ? "GET " + path : "POST /api/v1/pricing/batch")} with a bearer token: {sorted.Length} ok, {errors} errors in {elapsed.TotalSeconds:F1} s, concurrency {concurrency}, {bytes / Math.Max(1, sorted.Length)} bytes each"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests/s {sorted.Length / elapsed.TotalSeconds:F0}  p50 {Percentile(0.50):F2} ms  p90 {Percentile(0.90):F2} ms  p99 {Percentile(0.99):F2} ms  max {sorted.LastOrDefault():F2} ms"));
if (batchSize > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"POST /api/v1/pricing/batch of {batchSize} options: options/s {sorted.Length * (double)batchSize / elapsed.TotalSeconds:F0}  p50 {Percentile(0.50) * 1000 / batchSize:F3} us per option of one request's wall time"));
}

return errors == 0 ? 0 : 1;

async Task<(List<double> Latencies, long Errors, TimeSpan Elapsed, long Bytes)> RunAsync(TimeSpan duration)
{
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>(100_000);
        long failed = 0, size = 0;
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = batchBody is null
                ? await http.GetAsync(path, HttpCompletionOption.ResponseContentRead)
                : await http.PostAsync("/api/v1/pricing/batch", new ByteArrayContent(batchBody) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.IsSuccessStatusCode)
            {
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                size = body.Length;
            }
            else
            {
                failed++;
            }
        }

        return (mine, failed, size);
    })).ToArray();
    var results = await Task.WhenAll(workers);
    return ([.. results.SelectMany(r => r.mine)], results.Sum(r => r.failed), clock.Elapsed, results.Max(r => r.size) * results.Sum(r => r.mine.Count));
}

// Seeded options around the money, as a screen pricing a whole book would send them.
static byte[] BatchBody(int count)
{
    var random = new Random(20261207);
    var options = Enumerable.Range(0, count).Select(i => new
    {
        type = i % 2 == 0 ? "call" : "put",
        spot = 100.0,
        strike = 60 + (80 * random.NextDouble()),
        t = 0.02 + (2 * random.NextDouble()),
        r = 0.05,
        q = 0.01,
        vol = 0.1 + (0.5 * random.NextDouble()),
    });
    return JsonSerializer.SerializeToUtf8Bytes(new { options });
}
