using MongoDB.Bson.Serialization.Attributes;

namespace DeltaStream.Providers.MongoDB.Storage;

/// <summary>
/// The stored form of one grain state, one document per grain and state name. <c>state</c> holds the bytes of the
/// configured <c>IGrainStorageSerializer</c> (by default Orleans' version-tolerant binary serializer, so a state
/// written by one version of a grain type reads back in the next); a cleared state keeps its document with
/// <c>state: null</c> and a new etag. <c>grain</c> and <c>stateName</c> are there for people reading the collection.
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
