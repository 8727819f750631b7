using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// The read-model collections and their indexes: queries by chain or symbol newest first, and TTL indexes that
/// let MongoDB expire records past their retention.
/// </summary>
internal sealed class MongoHistoryCollections
{
    private readonly MongoHistoryOptions options;

    public MongoHistoryCollections(IOptions<MongoHistoryOptions> options)
    {
        this.options = options.Value;
        var database = MongoDatabaseFactory.Open(this.options);
        ChainHistory = database.GetCollection<ChainHistoryDocument>(this.options.ChainHistoryCollection);
        MinuteBars = database.GetCollection<MinuteBarDocument>(this.options.MinuteBarsCollection);
    }

    public IMongoCollection<ChainHistoryDocument> ChainHistory { get; }

    public IMongoCollection<MinuteBarDocument> MinuteBars { get; }

    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
    {
        var history = Builders<ChainHistoryDocument>.IndexKeys;
        await ChainHistory.Indexes.CreateManyAsync(
        [
            new(history.Ascending(d => d.Symbol).Ascending(d => d.Expiry).Descending(d => d.Timestamp), new CreateIndexOptions { Name = "chain_ts" }),
            new(history.Ascending(d => d.Timestamp), new CreateIndexOptions { Name = "ttl_ts", ExpireAfter = options.ChainHistoryRetention }),
        ], cancellationToken).ConfigureAwait(false);
        var bars = Builders<MinuteBarDocument>.IndexKeys;
        await MinuteBars.Indexes.CreateManyAsync(
        [
            new(bars.Ascending(d => d.Symbol).Descending(d => d.Start), new CreateIndexOptions { Name = "symbol_start" }),
            new(bars.Ascending(d => d.Start), new CreateIndexOptions { Name = "ttl_start", ExpireAfter = options.MinuteBarRetention }),
        ], cancellationToken).ConfigureAwait(false);
    }
}
