using System.Globalization;
using System.Text;
using DeltaStream.History;

namespace DeltaStream.Gateway.Api.History;

/// <summary>CSV exports (RFC 4180, a header row, invariant culture, empty fields for unknown values).</summary>
internal static class HistoryCsv
{
    public static string Bars(IEnumerable<PriceBar> bars)
    {
        var csv = new StringBuilder("start,open,high,low,close,volume\n");
        foreach (var b in bars)
        {
            csv.AppendJoin(',', Field(b.Start), Field(b.Open), Field(b.High), Field(b.Low), Field(b.Close), b.Volume.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    public static string ChainHistory(IEnumerable<ChainHistoryPoint> points)
    {
        var csv = new StringBuilder("ts,spot,pcrOi,pcrVolume,maxPain,atmStrike,atmIv,straddle,expectedMove,riskReversal25d,butterfly25d,totalCallOi,totalPutOi,netGex,gammaFlip,callWall,putWall,sessionClose\n");
        foreach (var p in points)
        {
            var a = p.Analytics;
            csv.AppendJoin(',',
                Field(p.Timestamp), Field(p.Spot), Field(a.PcrOi), Field(a.PcrVolume), Field(a.MaxPain),
                Field(a.AtmStrike), Field(a.AtmIv), Field(a.Straddle), Field(a.ExpectedMove),
                Field(a.RiskReversal25d), Field(a.Butterfly25d), a.TotalCallOi.ToString(CultureInfo.InvariantCulture),
                a.TotalPutOi.ToString(CultureInfo.InvariantCulture), Field(a.NetGex), Field(a.GammaFlip),
                Field(a.CallWall), Field(a.PutWall), p.SessionClose ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string Field(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Field(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
