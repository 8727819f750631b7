using DeltaStream.History;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>History queries on the read-model collections, newest first, served by their indexes.</summary>
internal sealed class MongoHistoryReader(MongoHistoryCollections collections) : IMarketHistoryReader
{
    public async Task<IReadOnlyList<PriceBar>> MinuteBarsAsync(string symbol, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken)
    {
        var found = await collections.MinuteBars
            .Find(d => d.Symbol == symbol && d.Start >= fromInclusive && d.Start < untilExclusive)
            .SortByDescending(d => d.Start)
            .Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.ConvertAll(d => d.ToBar());
    }

    public async Task<IReadOnlyList<ChainHistoryPoint>> ChainHistoryAsync(string symbol, DateOnly expiry, DateTime fromInclusive, DateTime untilExclusive, int limit, CancellationToken cancellationToken)
    {
        var expiryText = ChainHistoryDocument.ExpiryText(expiry);
        var found = await collections.ChainHistory
            .Find(d => d.Symbol == symbol && d.Expiry == expiryText && d.Timestamp >= fromInclusive && d.Timestamp < untilExclusive)
            .SortByDescending(d => d.Timestamp)
            .Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.ConvertAll(d => d.ToPoint());
    }
}
