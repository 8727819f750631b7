using MongoDB.Bson.Serialization.Attributes;

namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>
/// The stored form of one grain state, one document per grain and state name: <c>_id</c> is
/// <c>{serviceId}/{stateName}/{grainId}</c>, <c>etag</c> a fresh GUID per write, <c>state</c> BSON binary holding
/// the bytes of the silo's <c>IGrainStorageSerializer</c> (Orleans' default: JSON with type names, as the Redis
/// storage writes it), so whatever that serializer reads back across versions, this storage does too. A cleared
/// state keeps its document with <c>state: null</c> and a new etag. <c>grain</c>, <c>stateName</c> and
/// <c>modified</c> are for people reading the collection.
/// </summary>
internal sealed class GrainStateDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("etag")]
    public required string ETag { get; init; }

    [BsonElement("stateName")]
    public required string StateName { get; init; }

    [BsonElement("grain")]
    public required string Grain { get; init; }

    [BsonElement("state")]
    public byte[]? State { get; init; }

    [BsonElement("modified")]
    public DateTime Modified { get; init; }
}
