using System.Diagnostics;
using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Bench;
using System.Text;
using DeltaStream.Instruments;
using DeltaStream.Providers.Redis;
using StackExchange.Redis;

namespace DeltaStream.IngestBench;

/// <summary>
/// Load driver for bench/ingest.sh: writes option-tick entries (the documented format, 50 ticks each) to Redis as
/// fast as the silo keeps up (at most <see cref="MaxInFlight"/> ticks written but not applied), and samples once a
/// second what the silo applied and its queue lag (its /metrics), and the silo process's CPU and RSS. The silo's
/// /metrics is read every <see cref="ScrapeInterval"/> by one loop beside the writer: scraping after every batch of
/// writes (about 20 times a second) took a sixth of the silo's CPU, which a real Prometheus (every 15 s) does not.
/// Usage: redis silo-metrics-url silo-pid seconds.
/// </summary>
internal static class Program
{
    private const int TicksPerEntry = 50;
    private const double MaxInFlight = 100_000;
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<int> Main(string[] args)
    {
        var (redisAddress, metricsUrl, pid, seconds) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress + ",allowAdmin=true");
        var db = redis.GetDatabase();
        var partitioner = new FeedPartitioner("deltastream", 8);
        var now = DateTime.UtcNow;
        var instruments = DefaultInstruments.Create();
        var expiries = instruments.ToDictionary(i => i.Symbol, i => ExpiryCalendar.UpcomingExpiries(i, ExchangeCalendars.Default.Get(i.Market), now));
        var sequences = instruments.ToDictionary(i => i.Symbol, _ => 1L);
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        long produced = 0;
        var samples = new List<Sample>();
        var nextSample = TimeSpan.FromSeconds(1);
        var (appliedAtStart, cpuAtStart) = ((await ScrapeAsync(http, metricsUrl)).Applied, ProcessStats.CpuSeconds(pid));
        var scrape = (Applied: appliedAtStart, QueueLag: 0d);
        using var stop = new CancellationTokenSource();
        var scraping = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(ScrapeInterval);
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                var latest = await ScrapeAsync(http, metricsUrl).ConfigureAwait(false);
                lock (samples)
                {
                    scrape = latest;
                }
            }
        });
        (double Applied, double QueueLag) Latest()
        {
            lock (samples)
            {
                return scrape;
            }
        }

        var entry = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var writes = new List<Task>(256);
            for (var i = 0; i < 256; i++, entry++)
            {
                var instrument = instruments[entry % instruments.Count];
                var key = partitioner.StreamKey(partitioner.PartitionOf(instrument.Symbol));
                writes.Add(db.StreamAddAsync(key, FeedEntryFormat.DataField, Entry(instrument, expiries[instrument.Symbol], sequences)));
            }

            await Task.WhenAll(writes);
            produced += 256 * TicksPerEntry;
            while (produced - (Latest().Applied - appliedAtStart) > MaxInFlight && clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(5);
            }

            if (clock.Elapsed >= nextSample)
            {
                // A fresh reading for the sample itself, so applied and produced are taken together.
                var reading = await ScrapeAsync(http, metricsUrl);
                var sample = new Sample(clock.Elapsed.TotalSeconds, produced, reading.Applied - appliedAtStart, reading.QueueLag, ProcessStats.CpuSeconds(pid) - cpuAtStart, ProcessStats.RssMegabytes(pid), await RedisMegabytesAsync(redis));
                lock (samples)
                {
                    samples.Add(sample);
                }

                nextSample = clock.Elapsed + TimeSpan.FromSeconds(1);
            }
        }

        await stop.CancelAsync();
        try
        {
            await scraping;
        }
        catch (OperationCanceledException)
        {
            // The scrape loop ends with the run.
        }

        Console.WriteLine("t_s,produced_ticks,applied_ticks,in_flight_ticks,queue_lag_entries,silo_cpu_s,silo_rss_mb,redis_used_mb");
        foreach (var s in samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:F1},{s.Produced},{s.Applied},{s.Produced - s.Applied},{s.QueueLag},{s.CpuSeconds:F2},{s.RssMegabytes:F0},{s.RedisMegabytes:F0}"));
        }

        // Steady state: the second half of the run, after warm-up.
        var (first, last) = (samples[samples.Count / 2], samples[^1]);
        var span = last.Seconds - first.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady_state applied_ticks_per_s={(last.Applied - first.Applied) / span:F0} produced_ticks_per_s={(last.Produced - first.Produced) / span:F0} " +
            $"max_in_flight_ticks={samples.Max(s => s.Produced - s.Applied)} max_queue_lag_entries={samples.Max(s => s.QueueLag)} silo_cpu_cores={(last.CpuSeconds - first.CpuSeconds) / span:F2} max_rss_mb={samples.Max(s => s.RssMegabytes):F0} max_redis_mb={samples.Max(s => s.RedisMegabytes):F0}"));
        return 0;
    }

    private static string Entry(InstrumentDefinition instrument, IReadOnlyList<DateOnly> expiries, Dictionary<string, long> sequences)
    {
        var text = new StringBuilder(TicksPerEntry * 200).Append('[');
        var ts = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var seq = sequences[instrument.Symbol];
        for (var i = 0; i < TicksPerEntry; i++, seq++)
        {
            // Listed strikes only (multiples of the step around the base price): the ladder refuses any other.
            var strike = (Math.Round(instrument.BasePrice / instrument.StrikeStep) + ((i % 31) - 15)) * instrument.StrikeStep;
            var expiry = expiries[i % expiries.Count];
            text.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"kind":"option","symbol":"{{instrument.Symbol}}","expiry":"{{expiry:yyyy-MM-dd}}","strike":{{strike}},"right":"{{(i % 2 == 0 ? "C" : "P")}}","ts":"{{ts}}","seq":{{seq}},"bid":10.5,"ask":10.7,"last":10.6,"volume":{{seq % 1000}},"oi":{{1000 + (seq % 97)}}}""");
        }

        sequences[instrument.Symbol] = seq;
        return text.Append(']').ToString();
    }

    /// <summary>Option ticks applied by the grains and the sum of the queues' lag, from the silo's /metrics.</summary>
    private static async Task<(double Applied, double QueueLag)> ScrapeAsync(HttpClient http, string metricsUrl)
    {
        var lines = (await http.GetStringAsync(new Uri(metricsUrl))).Split('\n');
        static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        var applied = lines.Where(l => l.StartsWith("deltastream_grains_ticks_applied{kind=\"option\"}", StringComparison.Ordinal)).Sum(Value);
        var lag = lines.Where(l => l.StartsWith("deltastream_redis_queue_lag{", StringComparison.Ordinal)).Sum(Value);
        return (applied, lag);
    }

    private static async Task<double> RedisMegabytesAsync(ConnectionMultiplexer redis)
    {
        var memory = (await redis.GetServers()[0].InfoAsync("memory")).SelectMany(g => g).First(kv => kv.Key == "used_memory");
        return double.Parse(memory.Value, CultureInfo.InvariantCulture) / (1024 * 1024);
    }

    private sealed record Sample(double Seconds, long Produced, double Applied, double QueueLag, double CpuSeconds, double RssMegabytes, double RedisMegabytes);
}
