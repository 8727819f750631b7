using DeltaStream.Analytics.Bars;
using DeltaStream.History;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.History;

/// <summary>
/// Builds an underlying's one-minute bars from the ticks its session applies (by tick time, UTC), keeps the latest in
/// memory and hands each completed bar to the history writer. The session's per-producer dedupe decides what counts,
/// so a replayed or redelivered tick is never counted twice. A bar completes when a tick of a later minute arrives,
/// or is handed over as it stands when the grain deactivates.
/// </summary>
internal sealed class MinuteBarBuilder(string symbol, int capacity, IMarketHistoryWriter? writer)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Queue<OhlcBar> completed = new();
    private OhlcBar? open;

    /// <summary>Counts a tick the session applied.</summary>
    public void Record(in UnderlyingTick tick)
    {
        var start = BarRollup.BucketStart(DateTime.SpecifyKind(tick.Timestamp, DateTimeKind.Utc), Minute);
        if (open is not { } bar)
        {
            open = OhlcBar.First(start, tick.Price, tick.Volume);
        }
        else if (start > bar.Start)
        {
            Complete(bar);
            open = OhlcBar.First(start, tick.Price, tick.Volume);
        }
        else
        {
            // A late tick of an earlier minute counts in the open bar: completed bars are never reopened.
            open = bar.With(tick.Price, tick.Volume);
        }
    }

    /// <summary>Hands the open bar over as it stands (the grain is going away).</summary>
    public void Flush()
    {
        if (open is { } bar)
        {
            Complete(bar);
            open = null;
        }
    }

    /// <summary>The bars in memory, oldest first, the open bar last.</summary>
    public IReadOnlyList<PriceBar> Bars()
    {
        var bars = new List<PriceBar>(completed.Count + 1);
        bars.AddRange(completed.Select(ToPriceBar));
        if (open is { } bar)
        {
            bars.Add(ToPriceBar(bar));
        }

        return bars;
    }

    private void Complete(OhlcBar bar)
    {
        if (completed.Count == capacity)
        {
            completed.Dequeue();
        }

        completed.Enqueue(bar);
        writer?.Append(ToPriceBar(bar));
    }

    private PriceBar ToPriceBar(OhlcBar bar) => new(symbol, bar.Start, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
}
