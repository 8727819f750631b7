namespace DeltaStream.History;

/// <summary>
/// Where grains hand history (read models) off the tick path. Never blocks and never throws for a storage
/// problem: an implementation buffers and writes in batches, and reports what it had to drop in metrics.
/// </summary>
public interface IMarketHistoryWriter
{
    void Append(PriceBar bar);

    void Append(ChainHistoryPoint point);
}
