using DeltaStream.History;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// History queries on the read-model collections, newest first, served by their indexes. A server that cannot
/// answer surfaces as <see cref="HistoryUnavailableException"/>, so callers need not know MongoDB.
/// </summary>
internal sealed class MongoHistoryReader(MongoHistoryCollections collections) : IMarketHistoryReader
{
    public Task<IReadOnlyList<PriceBar>> MinuteBarsAsync(string symbol, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            collections.MinuteBars.Find(d => d.Symbol == symbol && d.Start >= fromInclusive && d.Start < untilExclusive).SortByDescending(d => d.Start).Limit(limit),
            d => d.ToBar(),
            cancellationToken);

    public Task<IReadOnlyList<ChainHistoryPoint>> ChainHistoryAsync(string symbol, DateOnly expiry, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken)
    {
        var expiryText = ChainHistoryDocument.ExpiryText(expiry);
        return QueryAsync(
            collections.ChainHistory.Find(d => d.Symbol == symbol && d.Expiry == expiryText && d.Timestamp >= fromInclusive && d.Timestamp < untilExclusive).SortByDescending(d => d.Timestamp).Limit(limit),
            d => d.ToPoint(),
            cancellationToken);
    }

    private static async Task<IReadOnlyList<TResult>> QueryAsync<TDocument, TResult>(IFindFluent<TDocument, TDocument> find, Func<TDocument, TResult> map, CancellationToken cancellationToken)
    {
        try
        {
            var found = await find.ToListAsync(cancellationToken).ConfigureAwait(false);
            return found.ConvertAll(d => map(d));
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            throw new HistoryUnavailableException($"MongoDB cannot answer a history query: {ex.Message}", ex);
        }
    }
}
