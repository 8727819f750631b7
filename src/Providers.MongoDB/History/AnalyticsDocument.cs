using DeltaStream.Snapshots;
using MongoDB.Bson.Serialization.Attributes;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>The stored <see cref="ChainAnalytics"/>: one element per field, camelCase as in the API.</summary>
internal sealed class AnalyticsDocument
{
    [BsonElement("pcrOi")] public double? PcrOi { get; init; }
    [BsonElement("pcrVolume")] public double? PcrVolume { get; init; }
    [BsonElement("maxPain")] public double? MaxPain { get; init; }
    [BsonElement("atmStrike")] public double? AtmStrike { get; init; }
    [BsonElement("atmIv")] public double? AtmIv { get; init; }
    [BsonElement("straddle")] public double? Straddle { get; init; }
    [BsonElement("expectedMove")] public double? ExpectedMove { get; init; }
    [BsonElement("riskReversal25d")] public double? RiskReversal25d { get; init; }
    [BsonElement("butterfly25d")] public double? Butterfly25d { get; init; }
    [BsonElement("totalCallOi")] public long TotalCallOi { get; init; }
    [BsonElement("totalPutOi")] public long TotalPutOi { get; init; }
    [BsonElement("netGex")] public double? NetGex { get; init; }
    [BsonElement("gammaFlip")] public double? GammaFlip { get; init; }
    [BsonElement("callWall")] public double? CallWall { get; init; }
    [BsonElement("putWall")] public double? PutWall { get; init; }

    public static AnalyticsDocument From(ChainAnalytics a) => new()
    {
        PcrOi = a.PcrOi, PcrVolume = a.PcrVolume, MaxPain = a.MaxPain, AtmStrike = a.AtmStrike, AtmIv = a.AtmIv,
        Straddle = a.Straddle, ExpectedMove = a.ExpectedMove, RiskReversal25d = a.RiskReversal25d, Butterfly25d = a.Butterfly25d,
        TotalCallOi = a.TotalCallOi, TotalPutOi = a.TotalPutOi, NetGex = a.NetGex, GammaFlip = a.GammaFlip, CallWall = a.CallWall, PutWall = a.PutWall,
    };

    public ChainAnalytics ToAnalytics() => new(
        PcrOi, PcrVolume, MaxPain, AtmStrike, AtmIv, Straddle, ExpectedMove, RiskReversal25d, Butterfly25d,
        TotalCallOi, TotalPutOi, NetGex, GammaFlip, CallWall, PutWall);
}
