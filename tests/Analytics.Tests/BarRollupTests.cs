using DeltaStream.Analytics.Bars;

namespace DeltaStream.Analytics.Tests;

public sealed class BarRollupTests
{
    private static readonly DateTime Nine = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static OhlcBar Minute(int minute, double open, double high, double low, double close, long volume) =>
        new(Nine.AddMinutes(minute), open, high, low, close, volume);

    [Fact]
    public void Five_minute_buckets_take_the_first_open_extremes_last_close_and_summed_volume()
    {
        OhlcBar[] newestFirst = [Minute(6, 11, 12, 10, 11.5, 3), Minute(4, 10, 13, 9.5, 12, 2), Minute(1, 9, 10.5, 8, 10, 4), Minute(0, 10, 10, 9, 9, 1)];

        var rolled = BarRollup.NewestFirst(newestFirst, TimeSpan.FromMinutes(5));

        Assert.Equal([Minute(5, 11, 12, 10, 11.5, 3), Minute(0, 10, 13, 8, 12, 7)], rolled);
    }

    [Fact]
    public void Daily_buckets_open_at_midnight_utc()
    {
        var lateEvening = new OhlcBar(new DateTime(2026, 12, 1, 23, 59, 0, DateTimeKind.Utc), 1, 2, 1, 2, 5);
        var nextMorning = new OhlcBar(new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc), 2, 3, 2, 3, 6);

        var rolled = BarRollup.NewestFirst([nextMorning, lateEvening], TimeSpan.FromDays(1));

        Assert.Equal([new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)], rolled.Select(b => b.Start));
    }

    [Fact]
    public void A_trade_added_to_a_bar_moves_its_close_and_extremes()
    {
        var bar = OhlcBar.First(Nine, 100, 1).With(103, 2).With(98, 3).With(101, 4);

        Assert.Equal(new OhlcBar(Nine, 100, 103, 98, 101, 10), bar);
    }

    [Fact]
    public void Bucket_start_rejects_a_non_positive_interval() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BarRollup.BucketStart(Nine, TimeSpan.Zero));
}
