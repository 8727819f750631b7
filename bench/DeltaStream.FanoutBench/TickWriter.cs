using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Providers.Redis;
using StackExchange.Redis;

namespace DeltaStream.FanoutBench;

/// <summary>
/// Writes option ticks to Redis at a fixed rate in the documented entry format, round-robin over every listed
/// contract near the money. Each tick's <c>oi</c> is its id, and the writer keeps two times for each id: when it
/// sent the entry, and the entry's time in Redis (the millisecond of its stream id, Redis' own clock on this
/// machine), so a client that sees that OI knows how long the tick took from either to it.
/// </summary>
internal sealed class TickWriter(IDatabase redis, int ticksPerSecond, int seconds)
{
    private const int TicksPerEntry = 10;
    private const int StrikesEachSide = 15;
    private readonly FeedPartitioner partitioner = new("deltastream", 8);
    private readonly IReadOnlyList<InstrumentDefinition> instruments = DefaultInstruments.Create();
    private readonly long[] writtenAt = new long[(ticksPerSecond * (seconds + 5)) + 1];
    private readonly long[] enteredAtUnixMs = new long[(ticksPerSecond * (seconds + 5)) + 1];

    // Its own src per run: the grains keep every producer's last seq, so a second run numbering from 1 under the same
    // src would be dropped as stale.
    private readonly string source = $"fanout-{DateTime.UtcNow:HHmmssfff}";
    // Ids (and so OIs) keep growing from run to run, so a client never takes a new tick for one it has seen.
    private readonly long firstId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private long nextId = 1;

    public long Written => nextId - 1;

    /// <summary>How many tick ids this run can write: each has a slot, 0 to <c>SlotCount - 1</c>.</summary>
    public int SlotCount => writtenAt.Length;

    /// <summary>The slot of tick <paramref name="id"/>, or -1 for an id this run did not give out.</summary>
    public long SlotOf(long id) => Tracks(id) ? id - firstId : -1;

    /// <summary>The Stopwatch timestamp at which tick <paramref name="id"/> was sent, or 0.</summary>
    public long WrittenAt(long id) => Tracks(id) ? Volatile.Read(ref writtenAt[id - firstId]) : 0;

    /// <summary>The Unix millisecond of the stream id Redis gave tick <paramref name="id"/>'s entry, or 0 until it answered.</summary>
    public long EnteredAtUnixMs(long id) => Tracks(id) ? Volatile.Read(ref enteredAtUnixMs[id - firstId]) : 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var expiries = instruments.ToDictionary(i => i.Symbol, i => ExpiryCalendar.UpcomingExpiries(i, ExchangeCalendars.Default.Get(i.Market), now));
        var contracts = instruments.ToDictionary(i => i.Symbol, _ => 0L);
        var sequences = instruments.ToDictionary(i => i.Symbol, _ => 1L);
        var clock = Stopwatch.StartNew();
        var entry = 0;
        while (!cancellationToken.IsCancellationRequested && nextId + TicksPerEntry < writtenAt.Length)
        {
            // Catch up to the rate every 10 ms.
            var due = (long)(clock.Elapsed.TotalSeconds * ticksPerSecond);
            var writes = new List<Task>();
            while (Written + TicksPerEntry <= due)
            {
                var instrument = instruments[entry++ % instruments.Count];
                var firstSlot = nextId;
                var data = Entry(instrument, expiries[instrument.Symbol], contracts, sequences);
                writes.Add(AddAsync(partitioner.StreamKey(partitioner.PartitionOf(instrument.Symbol)), data, firstSlot));
            }

            await Task.WhenAll(writes);
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private bool Tracks(long id) => id > firstId && id - firstId < writtenAt.Length;

    private async Task AddAsync(string key, string data, long firstSlot)
    {
        var streamId = (string)(await redis.StreamAddAsync(key, FeedEntryFormat.DataField, data))!;
        var unixMs = long.Parse(streamId.AsSpan(0, streamId.IndexOf('-')), CultureInfo.InvariantCulture);
        for (var slot = firstSlot; slot < firstSlot + TicksPerEntry; slot++)
        {
            Volatile.Write(ref enteredAtUnixMs[slot], unixMs);
        }
    }

    private string Entry(InstrumentDefinition instrument, IReadOnlyList<DateOnly> expiries, Dictionary<string, long> contracts, Dictionary<string, long> sequences)
    {
        var text = new StringBuilder(TicksPerEntry * 220).Append('[');
        var ts = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var (contract, seq) = (contracts[instrument.Symbol], sequences[instrument.Symbol]);
        var atm = Math.Round(instrument.BasePrice / instrument.StrikeStep) * instrument.StrikeStep;
        for (var i = 0; i < TicksPerEntry; i++, contract++, seq++)
        {
            var expiry = expiries[(int)(contract % expiries.Count)];
            var strike = Math.Round(atm + (((contract / expiries.Count) % ((2 * StrikesEachSide) + 1)) - StrikesEachSide) * instrument.StrikeStep, 6);
            var right = (contract / (expiries.Count * ((2 * StrikesEachSide) + 1))) % 2 == 0 ? "C" : "P";
            var slot = nextId++;
            var id = firstId + slot;
            Volatile.Write(ref writtenAt[slot], Stopwatch.GetTimestamp());
            text.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"kind":"option","symbol":"{{instrument.Symbol}}","src":"{{source}}","expiry":"{{expiry:yyyy-MM-dd}}","strike":{{strike}},"right":"{{right}}","ts":"{{ts}}","seq":{{seq}},"bid":10.5,"ask":10.7,"last":10.6,"volume":{{seq}},"oi":{{id}}}""");
        }

        (contracts[instrument.Symbol], sequences[instrument.Symbol]) = (contract, seq);
        return text.Append(']').ToString();
    }
}
