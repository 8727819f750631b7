using System.Globalization;
using DeltaStream.History;
using DeltaStream.Snapshots;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>A chain's analytics at one instant in MongoDB; <c>expiry</c> is <c>yyyy-MM-dd</c> text as in the API.</summary>
internal sealed class ChainHistoryDocument
{
    [BsonId]
    public ObjectId Id { get; init; }

    [BsonElement("symbol")]
    public required string Symbol { get; init; }

    [BsonElement("expiry")]
    public required string Expiry { get; init; }

    [BsonElement("ts")]
    public DateTime Timestamp { get; init; }

    [BsonElement("spot")]
    public double? Spot { get; init; }

    [BsonElement("sessionClose")]
    public bool SessionClose { get; init; }

    [BsonElement("analytics")]
    public required AnalyticsDocument Analytics { get; init; }

    public static string ExpiryText(DateOnly expiry) => expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ChainHistoryDocument From(ChainHistoryPoint point) => new()
    {
        Id = ObjectId.GenerateNewId(),
        Symbol = point.Symbol,
        Expiry = ExpiryText(point.Expiry),
        Timestamp = point.Timestamp,
        Spot = point.Spot,
        SessionClose = point.SessionClose,
        Analytics = AnalyticsDocument.From(point.Analytics),
    };

    public ChainHistoryPoint ToPoint() => new(
        Symbol,
        DateOnly.ParseExact(Expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc),
        Spot,
        Analytics.ToAnalytics(),
        SessionClose);
}
