namespace DeltaStream.History;

/// <summary>Queries of recorded history, newest first, with <c>fromInclusive</c> to <c>untilExclusive</c> (UTC).</summary>
public interface IMarketHistoryReader
{
    Task<IReadOnlyList<PriceBar>> MinuteBarsAsync(string symbol, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChainHistoryPoint>> ChainHistoryAsync(string symbol, DateOnly expiry, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken);
}
