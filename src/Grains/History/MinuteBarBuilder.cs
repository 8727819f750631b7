using DeltaStream.Analytics.Bars;
using DeltaStream.Grains.Chains;
using DeltaStream.History;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.History;

/// <summary>
/// Builds an underlying's one-minute bars from its ticks (by tick time, UTC), keeps the latest in memory and
/// hands each completed bar to the history writer. A tick at or below the watermark was applied before (the
/// grain's persisted position at activation), so it is not counted twice. A bar completes when a tick of a later
/// minute arrives, or is handed over as it stands when the grain deactivates.
/// </summary>
internal sealed class MinuteBarBuilder(string symbol, long watermark, int capacity, IMarketHistoryWriter? writer)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Queue<OhlcBar> completed = new();
    private OhlcBar? open;

    public void Record(TickBatch batch)
    {
        foreach (ref readonly var tick in batch.Underlying.AsSpan())
        {
            if (tick.Sequence <= watermark || !TickValidation.IsValid(tick))
            {
                continue;
            }

            watermark = tick.Sequence;
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
