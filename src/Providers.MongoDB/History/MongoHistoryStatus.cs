using MongoDB.Bson;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>What is wrong with MongoDB for this process, for readiness checks: unreachable, or history writes failing.</summary>
public sealed class MongoHistoryStatus
{
    private readonly MongoHistoryCollections collections;
    private readonly MongoHistoryWriter? writer;

    internal MongoHistoryStatus(MongoHistoryCollections collections, MongoHistoryWriter? writer = null)
    {
        this.collections = collections;
        this.writer = writer;
    }

    /// <summary>Null when MongoDB answers a ping and history writes succeed; otherwise what fails.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (writer?.FailingSince is { } since)
        {
            return $"MongoDB history writes failing since {since:O} (records buffered, oldest dropped when full)";
        }

        try
        {
            await collections.ChainHistory.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            return $"MongoDB unreachable: {ex.Message}";
        }
    }
}
