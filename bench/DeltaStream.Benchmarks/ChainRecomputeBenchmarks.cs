using BenchmarkDotNet.Attributes;
using DeltaStream.Calendars;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Benchmarks;

/// <summary>
/// One chain of 41 strikes (82 options) as the grain runs it: a spot tick arrives, then IV, Greeks and every
/// chain analytic (PCR, max pain, ATM IV, 25-delta skew, GEX with gamma flip) are recomputed. And the same chain
/// before any spot, where one option tick changes one row (the fan-out bench's load). SPY is taken with European
/// exercise here, the comparison with QuantLib's European loop; <see cref="AmericanChainRecomputeBenchmarks"/> has it American.
/// </summary>
[MemoryDiagnoser]
public class ChainRecomputeBenchmarks
{
    private readonly DateTime now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private ChainBook book = null!;
    private ChainBook withoutSpot = null!;
    private OptionTick[] optionTicks = [];
    private long sequence;
    private DateOnly expiry;

    [GlobalSetup]
    public void Setup()
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == "SPY");
        instrument.Exercise = ExerciseStyle.European;
        expiry = ExpiryCalendar.UpcomingExpiries(instrument, ExchangeCalendars.Default.Get(instrument.Market), now)[2];
        book = new ChainBook(new ChainId("SPY", expiry), instrument, ExchangeCalendars.Default.Get(instrument.Market));
        var t = ExpiryCalendar.YearsToExpiry(ExpiryCalendar.SettlementUtc(instrument, ExchangeCalendars.Default.Get(instrument.Market), expiry), now);
        var ticks = new List<OptionTick>();
        for (var k = 578; k <= 618; k++)
        {
            foreach (var type in new[] { OptionType.Call, OptionType.Put })
            {
                var p = BlackScholesMerton.Price(type, 598, k, t, instrument.Rate, instrument.DividendYield, 0.14 + (0.002 * Math.Abs(k - 598)));
                ticks.Add(new OptionTick(expiry, k, type == OptionType.Call ? OptionRight.Call : OptionRight.Put, now, ++sequence, p * 0.99, p * 1.01, p, 100, 1000 + k));
            }
        }

        book.Apply(new TickBatch("SPY", [new UnderlyingTick(now, ++sequence, 598, 1)], [.. ticks]));
        book.Recompute(now);
        optionTicks = [.. ticks];
        withoutSpot = new ChainBook(new ChainId("SPY", expiry), instrument, ExchangeCalendars.Default.Get(instrument.Market));
        withoutSpot.Apply(new TickBatch("SPY", [], optionTicks));
        withoutSpot.Recompute(now);
    }

    [Benchmark(Description = "Chain recompute, 2 x 41 strikes")]
    public long RecomputeAfterSpotTick()
    {
        // The spot alternates so every IV and Greek really changes.
        var spot = (sequence & 1) == 0 ? 598.25 : 597.75;
        book.Apply(new TickBatch("SPY", [new UnderlyingTick(now, ++sequence, spot, 1)], []));
        return book.Recompute(now).Sequence;
    }

    [Benchmark(Description = "Chain recompute after one option tick, no spot yet")]
    public long RecomputeAfterOptionTickWithoutSpot()
    {
        var tick = optionTicks[(int)(sequence % optionTicks.Length)];
        withoutSpot.Apply(new TickBatch("SPY", [], [tick with { Sequence = ++sequence, OpenInterest = sequence }]));
        return withoutSpot.Recompute(now.AddMilliseconds(sequence)).Sequence;
    }
}
