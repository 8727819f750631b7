using DeltaStream.Grains.History;
using DeltaStream.History;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

public sealed class MinuteBarBuilderTests
{
    private static readonly DateTime Nine = new(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc);

    private sealed class RecordingWriter : IMarketHistoryWriter
    {
        public List<PriceBar> Bars { get; } = [];

        public void Append(PriceBar bar) => Bars.Add(bar);

        public void Append(ChainHistoryPoint point) => throw new InvalidOperationException("bars only");
    }

    private static TickBatch Ticks(params (long Sequence, int Second, double Price, long Volume)[] ticks) =>
        new("SPY", [.. ticks.Select(t => new UnderlyingTick(Nine.AddSeconds(t.Second), t.Sequence, t.Price, t.Volume))], []);

    private static void Record(MinuteBarBuilder builder, TickBatch batch)
    {
        foreach (var tick in batch.Underlying)
        {
            builder.Record(tick);
        }
    }

    [Fact]
    public void A_tick_of_a_later_minute_completes_the_bar_and_hands_it_to_the_writer()
    {
        var writer = new RecordingWriter();
        var builder = new MinuteBarBuilder("SPY", capacity: 10, writer);

        Record(builder, Ticks((1, 0, 100, 1), (2, 30, 102, 2), (3, 59, 99, 3), (4, 61, 101, 4)));

        Assert.Equal([new PriceBar("SPY", Nine, 100, 102, 99, 99, 6)], writer.Bars);
        Assert.Equal([new PriceBar("SPY", Nine, 100, 102, 99, 99, 6), new PriceBar("SPY", Nine.AddMinutes(1), 101, 101, 101, 101, 4)], builder.Bars());
    }

    [Fact]
    public void Only_ticks_the_session_applies_are_counted_not_duplicates_stale_or_invalid_ones()
    {
        var builder = new MinuteBarBuilder("SPY", capacity: 10, writer: null);
        var session = new DeltaStream.Grains.Underlyings.UnderlyingSession("SPY", DeltaStream.Calendars.ExchangeCalendars.Default.Get("US"), new DeltaStream.Grains.Underlyings.UnderlyingState(), builder);
        session.Apply(Ticks((5, 0, 700, 100)));
        builder.Flush();

        session.Apply(Ticks((4, 60, 500, 100), (6, 61, 100, 1), (6, 62, 900, 9), (7, 63, double.NaN, 1), (8, 64, 101, 2)));

        Assert.Equal([new PriceBar("SPY", Nine, 700, 700, 700, 700, 100), new PriceBar("SPY", Nine.AddMinutes(1), 100, 101, 100, 101, 3)], builder.Bars());
    }

    [Fact]
    public void Memory_keeps_the_newest_completed_bars_up_to_its_capacity_and_flush_hands_over_the_open_bar()
    {
        var writer = new RecordingWriter();
        var builder = new MinuteBarBuilder("SPY", capacity: 2, writer);

        Record(builder, Ticks((1, 0, 1, 1), (2, 60, 2, 1), (3, 120, 3, 1), (4, 180, 4, 1)));
        builder.Flush();

        Assert.Equal([Nine.AddMinutes(2), Nine.AddMinutes(3)], builder.Bars().Select(b => b.Start));
        Assert.Equal([Nine, Nine.AddMinutes(1), Nine.AddMinutes(2), Nine.AddMinutes(3)], writer.Bars.Select(b => b.Start));
    }
}
