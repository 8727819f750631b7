using BenchmarkDotNet.Attributes;
using DeltaStream.Analytics;
using DeltaStream.Analytics.American;
using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Benchmarks;

/// <summary>
/// The SPY chain of <see cref="ChainRecomputeBenchmarks"/> with American exercise (the default): 41 strikes, quotes
/// at American prices on the same smile, then a spot tick and the full recompute (American IV warm-started from the
/// previous one, Greeks, every chain analytic).
/// </summary>
[MemoryDiagnoser]
public class AmericanChainRecomputeBenchmarks
{
    private readonly DateTime now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private ChainBook book = null!;
    private long sequence;

    [GlobalSetup]
    public void Setup()
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == "SPY");
        var calendar = ExchangeCalendars.Default.Get(instrument.Market);
        var expiry = ExpiryCalendar.UpcomingExpiries(instrument, calendar, now)[2];
        book = new ChainBook(new ChainId("SPY", expiry), instrument, calendar);
        var t = ExpiryCalendar.YearsToExpiry(ExpiryCalendar.SettlementUtc(instrument, calendar, expiry), now);
        var ticks = new List<OptionTick>();
        for (var k = 578; k <= 618; k++)
        {
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var p = AmericanOption.Price(type, 598, k, t, instrument.Rate, instrument.DividendYield, 0.14 + (0.002 * Math.Abs(k - 598))).Price;
                ticks.Add(new OptionTick(expiry, k, type == OptionType.Call ? OptionRight.Call : OptionRight.Put, now, ++sequence, p * 0.99, p * 1.01, p, 100, 1000 + k));
            }
        }

        book.Apply(new TickBatch("SPY", [new UnderlyingTick(now, ++sequence, 598, 1)], [.. ticks]));
        book.Recompute(now);
    }

    [Benchmark(Description = "American chain recompute, 2 x 41 strikes")]
    public long RecomputeAfterSpotTick()
    {
        // The spot alternates so every IV and Greek really changes.
        var spot = (sequence & 1) == 0 ? 598.25 : 597.75;
        book.Apply(new TickBatch("SPY", [new UnderlyingTick(now, ++sequence, spot, 1)], []));
        return book.Recompute(now).Sequence;
    }
}
