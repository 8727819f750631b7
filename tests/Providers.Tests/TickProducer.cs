using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Providers.Redis;
using StackExchange.Redis;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// An external producer writing ticks of every default symbol with XADD in the documented format: underlying tick i
/// has sequence i, volume 1 and price <see cref="PriceOf"/>(i) (plus <paramref name="priceOffset"/>), so a session's
/// volume counts the ticks applied and its last price names the last one; each entry also quotes the at-the-money call
/// of the symbol's first expiry (<see cref="ContractOf"/>) with tick i's <see cref="BidOf"/>, volume i and OI
/// <see cref="OiOf"/>(i). With a <paramref name="source"/> its ticks carry that src. It retries through Redis outages,
/// as a real producer would.
/// </summary>
internal sealed class TickProducer(IDatabase redis, FeedPartitioner partitioner, string? source = null, double priceOffset = 0)
{
    public static readonly string[] Symbols = [.. DefaultInstruments.Create().Select(i => i.Symbol)];

    public static double PriceOf(int sequence) => 100 + (sequence / 100.0);

    public static double BidOf(int sequence) => sequence / 100.0;

    public static long OiOf(int sequence) => 1000 + sequence;

    /// <summary>The quoted contract of a symbol: its first listed expiry and the ladder strike nearest its base price.</summary>
    public static (DateOnly Expiry, double Strike) ContractOf(string symbol)
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == symbol);
        return (ExpiryCalendar.UpcomingExpiries(instrument, ExchangeCalendars.Default.Get(instrument.Market), DateTime.UtcNow)[0], Math.Round(instrument.BasePrice / instrument.StrikeStep) * instrument.StrikeStep);
    }

    /// <param name="between">Called after each round of entries (one per symbol) with the last sequence written.</param>
    public async Task ProduceAsync(int ticks, int ticksPerEntry, Func<int, Task> between)
    {
        for (var first = 1; first <= ticks; first += ticksPerEntry)
        {
            var last = Math.Min(first + ticksPerEntry - 1, ticks);
            await WriteRoundAsync(first, last);
            await between(last);
        }
    }

    /// <summary>Writes one entry per symbol with the ticks of sequences <paramref name="first"/> to <paramref name="last"/>.</summary>
    public async Task WriteRoundAsync(int first, int last)
    {
        var src = source is null ? "" : $$""","src":"{{source}}" """.TrimEnd();
        foreach (var symbol in Symbols)
        {
            var (expiry, strike) = ContractOf(symbol);
            var ticks = Enumerable.Range(first, last - first + 1).Select(i => string.Create(CultureInfo.InvariantCulture,
                $$"""{"kind":"underlying","symbol":"{{symbol}}"{{src}},"ts":"{{DateTime.UtcNow:O}}","seq":{{i}},"price":{{PriceOf(i) + priceOffset}},"volume":1}"""));
            var option = string.Create(CultureInfo.InvariantCulture,
                $$"""{"kind":"option","symbol":"{{symbol}}"{{src}},"expiry":"{{expiry:yyyy-MM-dd}}","strike":{{strike}},"right":"C","ts":"{{DateTime.UtcNow:O}}","seq":{{last}},"bid":{{BidOf(last)}},"ask":{{BidOf(last) + 0.05}},"last":{{BidOf(last)}},"volume":{{last}},"oi":{{OiOf(last)}}}""");
            var data = "[" + string.Join(",", ticks.Append(option)) + "]";
            await AddWithRetryAsync(partitioner.StreamKey(partitioner.PartitionOf(symbol)), data);
        }
    }

    private async Task AddWithRetryAsync(string key, string data)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await redis.StreamAddAsync(key, FeedEntryFormat.DataField, data);
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException or RedisServerException)
            {
                await Task.Delay(50, cts.Token);
            }
        }
    }
}
