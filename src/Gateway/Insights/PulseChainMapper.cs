using DeltaStream.Analytics.Insights;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Insights;

/// <summary>What the pulse reads of a chain snapshot: its analytics as published and each strike's OI, volume and OI change.</summary>
internal static class PulseChainMapper
{
    public static PulseChain From(ChainSnapshot chain)
    {
        var a = chain.Analytics;
        var strikes = new PulseStrike[chain.Strikes.Count];
        for (var i = 0; i < strikes.Length; i++)
        {
            var row = chain.Strikes[i];
            strikes[i] = new PulseStrike(
                row.Strike, row.Call?.Oi ?? 0, row.Put?.Oi ?? 0, row.Call?.Volume ?? 0, row.Put?.Volume ?? 0, row.Call?.OiChange ?? 0, row.Put?.OiChange ?? 0);
        }

        return new PulseChain(chain.Spot, a.PcrOi, a.MaxPain, a.AtmIv, a.RiskReversal25d, a.ExpectedMove, a.NetGex, a.GammaFlip, a.CallWall, a.PutWall, strikes);
    }
}
