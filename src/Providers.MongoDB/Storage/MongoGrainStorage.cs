using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>
/// Orleans grain storage on MongoDB: one <see cref="GrainStateDocument"/> per grain state, keyed by service id,
/// state name and grain id, guarded by an etag. A write without an etag inserts, so of two first writes one wins
/// and the other gets <see cref="InconsistentStateException"/>; a write or clear with an etag replaces only the
/// document still carrying it. Single-document operations only: no transactions, which MongoDB 6+ and the test
/// stand-in both honour. Failures surface at once (no retries here); the grains decide whether to retry.
/// </summary>
internal sealed partial class MongoGrainStorage(
    string name,
    MongoGrainStorageOptions options,
    IOptions<ClusterOptions> cluster,
    IActivatorProvider activators,
    TimeProvider time,
    ILogger<MongoGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string serviceId = cluster.Value.ServiceId;
    private IMongoCollection<GrainStateDocument> collection = null!;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<MongoGrainStorage>(name), options.InitStage, Init);

    // Opening is lazy in the driver: a silo starts while MongoDB is down, and its grains fail fast until it returns.
    private Task Init(CancellationToken cancellationToken)
    {
        collection = MongoDatabaseFactory.Open(options).GetCollection<GrainStateDocument>(options.Collection);
        LogOpened(logger, name, options.Collection);
        return Task.CompletedTask;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = DocumentId(stateName, grainId);
        GrainStateDocument? stored;
        try
        {
            stored = await collection.Find(d => d.Id == id).FirstOrDefaultAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            throw Failure("read", stateName, grainId, ex);
        }

        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored?.State is not null;
        grainState.State = stored?.State is { } bytes
            ? options.GrainStorageSerializer.Deserialize<T>(new BinaryData(bytes))
            : activators.GetActivator<T>().Create();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var document = Document(stateName, grainId, options.GrainStorageSerializer.Serialize(grainState.State).ToArray());
        await StoreAsync("write", stateName, grainId, grainState.ETag, document).ConfigureAwait(false);
        grainState.ETag = document.ETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (options.DeleteStateOnClear)
        {
            await DeleteAsync(stateName, grainId, grainState.ETag).ConfigureAwait(false);
            grainState.ETag = null;
        }
        else
        {
            var tombstone = Document(stateName, grainId, state: null);
            await StoreAsync("clear", stateName, grainId, grainState.ETag, tombstone).ConfigureAwait(false);
            grainState.ETag = tombstone.ETag;
        }

        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    /// <summary>Inserts when the caller holds no etag, else replaces the document that still carries its etag.</summary>
    private async Task StoreAsync(string operation, string stateName, GrainId grainId, string? expectedETag, GrainStateDocument document)
    {
        try
        {
            if (expectedETag is null)
            {
                await collection.InsertOneAsync(document).ConfigureAwait(false);
                return;
            }

            var result = await collection.ReplaceOneAsync(d => d.Id == document.Id && d.ETag == expectedETag, document).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw Conflict(operation, stateName, grainId, expectedETag);
            }
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw Conflict(operation, stateName, grainId, expectedETag);
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            throw Failure(operation, stateName, grainId, ex);
        }
    }

    private async Task DeleteAsync(string stateName, GrainId grainId, string? expectedETag)
    {
        var id = DocumentId(stateName, grainId);
        try
        {
            if (expectedETag is not null)
            {
                var deleted = await collection.DeleteOneAsync(d => d.Id == id && d.ETag == expectedETag).ConfigureAwait(false);
                if (deleted.DeletedCount == 0)
                {
                    throw Conflict("clear", stateName, grainId, expectedETag);
                }
            }
            else if (await collection.Find(d => d.Id == id).AnyAsync().ConfigureAwait(false))
            {
                // Without an etag the caller believes there is nothing stored; a document means someone else wrote.
                throw Conflict("clear", stateName, grainId, expectedETag);
            }
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            throw Failure("clear", stateName, grainId, ex);
        }
    }

    private GrainStateDocument Document(string stateName, GrainId grainId, byte[]? state) => new()
    {
        Id = DocumentId(stateName, grainId),
        ETag = Guid.NewGuid().ToString("N"),
        StateName = stateName,
        Grain = grainId.ToString(),
        State = state,
        Modified = time.GetUtcNow().UtcDateTime,
    };

    private string DocumentId(string stateName, GrainId grainId) => $"{serviceId}/{stateName}/{grainId}";

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? expectedETag)
    {
        LogConflict(logger, name, operation, stateName, grainId, expectedETag);
        return new InconsistentStateException(
            $"Version conflict ({operation}): storage '{name}', service {serviceId}, state {stateName}, grain {grainId}, etag {expectedETag ?? "(none)"}.",
            storedEtag: "unknown",
            currentEtag: expectedETag ?? "");
    }

    private MongoStorageException Failure(string operation, string stateName, GrainId grainId, Exception ex)
    {
        LogFailure(logger, ex, name, operation, stateName, grainId);
        return new MongoStorageException($"MongoDB grain storage '{name}' could not {operation} state {stateName} of grain {grainId}: {ex.Message}", ex);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MongoDB grain storage {Name} uses collection {Collection}")]
    private static partial void LogOpened(ILogger logger, string name, string collection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB grain storage {Name}: {Operation} of {StateName} for {GrainId} lost an etag race (held {ETag})")]
    private static partial void LogConflict(ILogger logger, string name, string operation, string stateName, GrainId grainId, string? eTag);

    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB grain storage {Name}: {Operation} of {StateName} for {GrainId} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string name, string operation, string stateName, GrainId grainId);
}
