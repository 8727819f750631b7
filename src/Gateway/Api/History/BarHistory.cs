using DeltaStream.Analytics.Bars;
using DeltaStream.Grains;
using DeltaStream.History;

namespace DeltaStream.Gateway.Api.History;

/// <summary>
/// Bars of any <see cref="BarInterval"/> for one page, rolled up from one-minute bars: those recorded in MongoDB
/// when the process has the history store, else those the underlying grain keeps in memory (embedded mode).
/// </summary>
internal sealed class BarHistory(IGrainFactory grains, IServiceProvider services)
{
    private readonly IMarketHistoryReader? reader = services.GetService<IMarketHistoryReader>();

    /// <summary>The page's bars, newest first, and the upper bound of the next (older) page if there is one.</summary>
    public async Task<(IReadOnlyList<PriceBar> Bars, DateTime? NextUntil)> PageAsync(string symbol, TimeSpan interval, HistoryPage page, CancellationToken cancellationToken)
    {
        var perBar = (long)(interval / BarInterval.Minute);
        // One minute more than the page can hold tells whether older data remains.
        var fetch = (int)Math.Min(perBar * page.Limit + 1, int.MaxValue);
        var minutes = await MinuteBarsAsync(symbol, page.From, page.Until, fetch, cancellationToken);
        var more = minutes.Count == fetch;
        var rolled = BarRollup.NewestFirst(minutes.Take(more ? fetch - 1 : fetch).Select(b => new OhlcBar(b.Start, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList(), interval).ToList();
        DateTime? nextUntil = null;
        if (more)
        {
            // When the extra minute falls in the oldest bucket, the fetch cut that bucket: the next page serves it
            // whole. (A bucket holds one bar per minute at most, so a cut bucket is never the only one.)
            if (BarRollup.BucketStart(minutes[fetch - 1].Start, interval) == rolled[^1].Start)
            {
                rolled.RemoveAt(rolled.Count - 1);
            }

            nextUntil = rolled[^1].Start;
        }

        if (rolled.Count > page.Limit)
        {
            rolled.RemoveRange(page.Limit, rolled.Count - page.Limit);
            nextUntil = rolled[^1].Start;
        }

        return (rolled.ConvertAll(b => new PriceBar(symbol, b.Start, b.Open, b.High, b.Low, b.Close, b.Volume)), nextUntil);
    }

    private async Task<IReadOnlyList<PriceBar>> MinuteBarsAsync(string symbol, DateTime from, DateTime until, int limit, CancellationToken cancellationToken)
    {
        if (reader is not null)
        {
            return await reader.MinuteBarsAsync(symbol, from, until, limit, cancellationToken);
        }

        var kept = await grains.GetGrain<IUnderlyingBarsGrain>(symbol).GetMinuteBars();
        return kept.Where(b => b.Start >= from && b.Start < until).Reverse().Take(limit).ToList();
    }
}
