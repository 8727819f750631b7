using System.Globalization;
using DeltaStream.History;
using MongoDB.Bson.Serialization.Attributes;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>
/// A one-minute bar in MongoDB. <c>_id</c> is symbol and minute, so a bar recorded twice (a grain moved
/// mid-minute) is kept once: the first write wins.
/// </summary>
internal sealed class MinuteBarDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("symbol")]
    public required string Symbol { get; init; }

    [BsonElement("start")]
    public DateTime Start { get; init; }

    [BsonElement("open")]
    public double Open { get; init; }

    [BsonElement("high")]
    public double High { get; init; }

    [BsonElement("low")]
    public double Low { get; init; }

    [BsonElement("close")]
    public double Close { get; init; }

    [BsonElement("volume")]
    public long Volume { get; init; }

    public static MinuteBarDocument From(PriceBar bar) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"{bar.Symbol}|{bar.Start:yyyy-MM-ddTHH:mm}Z"),
        Symbol = bar.Symbol,
        Start = bar.Start,
        Open = bar.Open,
        High = bar.High,
        Low = bar.Low,
        Close = bar.Close,
        Volume = bar.Volume,
    };

    public PriceBar ToBar() => new(Symbol, DateTime.SpecifyKind(Start, DateTimeKind.Utc), Open, High, Low, Close, Volume);
}
