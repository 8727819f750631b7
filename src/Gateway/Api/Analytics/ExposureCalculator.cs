using DeltaStream.Analytics;
using DeltaStream.Analytics.Chain;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Api.Analytics;

/// <summary>
/// Dealer exposure over one or more chains of a symbol, by strike, with the gamma flip found on the combined
/// book. Each chain's Greeks are taken at its own level (spot under BSM, forward under Black-76), so the flip is
/// searched in spot terms with each chain's level moving in proportion.
/// </summary>
internal static class ExposureCalculator
{
    public static GexResponse Compute(IReadOnlyList<ChainSnapshot> chains, double multiplier)
    {
        var byStrike = new SortedDictionary<double, (double CallGex, double PutGex, double Dex, double Vex)>();
        var books = new List<Func<double, double>>();
        var spot = chains.Select(c => c.Spot).FirstOrDefault(s => s is not null);
        foreach (var chain in chains)
        {
            var level = chain.Model == PricingModel.Black76 ? chain.Forward : chain.Spot;
            if (level is not { } at || spot is not { } s)
            {
                continue;
            }

            foreach (var row in chain.Strikes)
            {
                var (callOi, putOi) = (row.Call?.Oi ?? 0, row.Put?.Oi ?? 0);
                var callGex = row.Call?.Gamma is { } cg ? GammaExposure.Of(cg, callOi, multiplier, at) : 0;
                var putGex = row.Put?.Gamma is { } pg ? GammaExposure.Of(pg, putOi, multiplier, at) : 0;
                var dex = (((row.Call?.Delta ?? 0) * callOi) - ((row.Put?.Delta ?? 0) * putOi)) * multiplier * at;
                var vex = (((row.Call?.Vanna ?? 0) * callOi) - ((row.Put?.Vanna ?? 0) * putOi)) * multiplier * at * 0.01;
                var sum = byStrike.GetValueOrDefault(row.Strike);
                byStrike[row.Strike] = (sum.CallGex + callGex, sum.PutGex + putGex, sum.Dex + dex, sum.Vex + vex);
            }

            books.Add(NetGexFunction(chain, at / s, multiplier));
        }

        if (byStrike.Count == 0 || spot is not { } current)
        {
            return new GexResponse(null, null, null, null, null, null, []);
        }

        var rows = byStrike.Select(kv => new ExposureByStrike(kv.Key, kv.Value.CallGex, -kv.Value.PutGex, kv.Value.CallGex - kv.Value.PutGex, kv.Value.Dex, kv.Value.Vex)).ToArray();
        double[] strikes = [.. rows.Select(r => r.Strike)];
        var callWall = GammaExposure.Wall(strikes, [.. rows.Select(r => r.CallGex)]);
        var putWall = GammaExposure.Wall(strikes, [.. rows.Select(r => -r.PutGex)]);
        var flip = GammaExposure.FlipPoint(level => books.Sum(netGexAt => netGexAt(level)), current);
        return new GexResponse(rows.Sum(r => r.NetGex), rows.Sum(r => r.NetDex), rows.Sum(r => r.NetVex), flip, callWall, putWall, rows);
    }

    /// <summary>Net GEX of one chain as a function of the spot, its level moving by <paramref name="levelPerSpot"/>.</summary>
    private static Func<double, double> NetGexFunction(ChainSnapshot chain, double levelPerSpot, double multiplier)
    {
        var profile = new GammaProfile();
        profile.Reset(chain.TimeToExpiry, chain.Rate, chain.Model == PricingModel.Black76 ? chain.Rate : chain.DividendYield, multiplier);
        foreach (var row in chain.Strikes)
        {
            profile.Add(row.Strike, row.Call?.Iv ?? double.NaN, row.Call?.Oi ?? 0, OptionType.Call);
            profile.Add(row.Strike, row.Put?.Iv ?? double.NaN, row.Put?.Oi ?? 0, OptionType.Put);
        }

        // A chain without any option to hedge contributes nothing (rather than NaN) to the combined book.
        return spot => profile.Count == 0 ? 0 : profile.NetGexAt(spot * levelPerSpot);
    }
}
