using System.Diagnostics;
using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Bench;
using DeltaStream.Instruments;
using StackExchange.Redis;

namespace DeltaStream.FanoutBench;

/// <summary>
/// Fan-out load driver for bench/fanout.sh: N SignalR clients spread over every chain at one throttle level, the
/// tick writer at a fixed rate, and after a warm-up a measured window: messages/s, tick-to-client latency (from the
/// tick's entry time in Redis, its stream id, to its first sight at a client) p50/p99/p99.9 and, stricter, from the
/// writer's send of the entry p50/p99, delivery (from the grain's computation,
/// updatedAt, to the client) p50/p99, mean bytes per update, sequence gaps, CPU and RSS of the gateway and the silo.
/// Usage: redis gateway-url token clients ticks-per-second throttle seconds gateway-pid silo-pid [raw|signalr]
/// (raw: SignalR's JSON protocol over plain WebSockets, the default; signalr: the .NET SignalR client).
/// </summary>
internal static class Program
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> Main(string[] args)
    {
        var (redisAddress, gateway, token) = (args[0], new Uri(args[1]), args[2]);
        var (clients, rate, throttle, seconds) = (Int(args[3]), Int(args[4]), args[5], Int(args[6]));
        var (gatewayPid, siloPid) = (Int(args[7]), Int(args[8]));
        var raw = args.Length <= 9 || args[9] == "raw";
        // An overloaded driver shows as latency in the figures, not as a writer that gives up after 5 s.
        var redisOptions = ConfigurationOptions.Parse(redisAddress);
        redisOptions.AsyncTimeout = redisOptions.SyncTimeout = 60_000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        var writer = new TickWriter(redis.GetDatabase(), rate, seconds + (int)WarmUp.TotalSeconds);
        var now = DateTime.UtcNow;
        var chains = DefaultInstruments.Create()
            .SelectMany(i => ExpiryCalendar.UpcomingExpiries(i, ExchangeCalendars.Default.Get(i.Market), now).Select(e => (i.Symbol, Expiry: e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .ToArray();

        var connected = new List<IFanoutClient>(clients);
        for (var batch = 0; batch < clients; batch += 50)
        {
            connected.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, clients - batch))
                .Select(async i => raw
                    ? (IFanoutClient)await RawFanoutClient.ConnectAsync(gateway, token, writer, chains[i % chains.Length].Symbol, chains[i % chains.Length].Expiry, throttle)
                    : await FanoutClient.ConnectAsync(gateway, token, writer, chains[i % chains.Length].Symbol, chains[i % chains.Length].Expiry, throttle))));
        }

        using var stop = new CancellationTokenSource();
        var writing = writer.RunAsync(stop.Token);
        await Task.Delay(WarmUp);
        var (gatewayCpu, siloCpu, driverCpu, gatewayRss) = (ProcessStats.CpuSeconds(gatewayPid), ProcessStats.CpuSeconds(siloPid), ProcessStats.CpuSeconds(Environment.ProcessId), ProcessStats.RssMegabytes(gatewayPid));
        var messagesBefore = connected.Sum(c => c.Tracker.Messages);
        var writtenBefore = writer.Written;
        connected.ForEach(c => c.Tracker.Recording = true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        connected.ForEach(c => c.Tracker.Recording = false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var (gatewayCpuEnd, siloCpuEnd, driverCpuEnd) = (ProcessStats.CpuSeconds(gatewayPid), ProcessStats.CpuSeconds(siloPid), ProcessStats.CpuSeconds(Environment.ProcessId));
        var (gatewayRssEnd, siloRss) = (ProcessStats.RssMegabytes(gatewayPid), ProcessStats.RssMegabytes(siloPid));
        var messages = connected.Sum(c => c.Tracker.Messages) - messagesBefore;
        var written = writer.Written - writtenBefore;
        await stop.CancelAsync();
        await writing;

        var updateBytes = connected.Sum(c => c.Tracker.UpdateBytes);
        // Redis' clock and this process's Stopwatch meet at one instant: a receipt's Unix time is the anchor's plus
        // the Stopwatch time since it.
        var (anchorUnixMs, anchor) = ((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds, Stopwatch.GetTimestamp());
        var sightings = connected.SelectMany(c => c.Tracker.Sightings).ToArray();
        var latencies = sightings.Where(s => writer.EnteredAtUnixMs(s.Id) > 0)
            .Select(s => anchorUnixMs - Stopwatch.GetElapsedTime(s.ReceivedAt, anchor).TotalMilliseconds - writer.EnteredAtUnixMs(s.Id)).Order().ToArray();
        var fromSend = sightings.Select(s => Stopwatch.GetElapsedTime(writer.WrittenAt(s.Id), s.ReceivedAt).TotalMilliseconds).Order().ToArray();
        var delivery = connected.SelectMany(c => c.Tracker.DeliveryMs).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clients={clients} client={(raw ? "raw-websocket" : "signalr")} ticks_per_s={written / elapsed:F0} throttle={throttle} messages_per_s={messages / elapsed:F0} samples={latencies.Length} " +
            $"update_bytes={(delivery.Length == 0 ? 0 : updateBytes / delivery.Length)} " +
            $"p50_ms={Percentile(latencies, 0.50):F1} p99_ms={Percentile(latencies, 0.99):F1} p999_ms={Percentile(latencies, 0.999):F1} from_send_p50_ms={Percentile(fromSend, 0.50):F1} from_send_p99_ms={Percentile(fromSend, 0.99):F1} delivery_p50_ms={Percentile(delivery, 0.50):F1} delivery_p99_ms={Percentile(delivery, 0.99):F1} gaps={connected.Sum(c => c.Tracker.Gaps)} " +
            $"gateway_cpu_cores={(gatewayCpuEnd - gatewayCpu) / elapsed:F2} silo_cpu_cores={(siloCpuEnd - siloCpu) / elapsed:F2} driver_cpu_cores={(driverCpuEnd - driverCpu) / elapsed:F2} gateway_rss_mb={gatewayRss:F0}->{gatewayRssEnd:F0} silo_rss_mb={siloRss:F0}"));
        await Task.WhenAll(connected.Select(c => c.DisposeAsync().AsTask()));
        return 0;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
