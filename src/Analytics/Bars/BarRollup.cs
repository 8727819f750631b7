namespace DeltaStream.Analytics.Bars;

/// <summary>
/// Rolls bars up into longer buckets aligned on the UTC epoch (so 1 d buckets open at 00:00 UTC): the first
/// bar's open, the highest high, the lowest low, the last bar's close, the summed volume.
/// </summary>
public static class BarRollup
{
    /// <summary>The bucket of <paramref name="interval"/> that holds <paramref name="instant"/>.</summary>
    public static DateTime BucketStart(DateTime instant, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new DateTime(instant.Ticks - (instant.Ticks % interval.Ticks), DateTimeKind.Utc);
    }

    /// <summary>Bars given newest first, rolled up and returned newest first.</summary>
    public static IReadOnlyList<OhlcBar> NewestFirst(IReadOnlyList<OhlcBar> newestFirst, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var rolled = new List<OhlcBar>();
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var bar = newestFirst[i];
            var start = BucketStart(bar.Start, interval);
            if (rolled.Count > 0 && rolled[^1].Start == start)
            {
                rolled[^1] = rolled[^1].Then(bar);
            }
            else
            {
                rolled.Add(bar with { Start = start });
            }
        }

        rolled.Reverse();
        return rolled;
    }
}
