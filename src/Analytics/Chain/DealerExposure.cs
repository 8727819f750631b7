namespace DeltaStream.Analytics.Chain;

/// <summary>
/// Dealer exposure over one or more chains of one underlying, by strike, with the gamma flip found on the combined
/// book. Each chain's Greeks are taken at its own level (spot under BSM, forward under Black-76), so the flip is
/// searched in spot terms with each chain's level moving in proportion to the spot.
/// </summary>
public sealed class DealerExposure(double multiplier, double spot)
{
    private readonly SortedDictionary<double, (double CallGex, double PutGex, double Dex, double Vex)> byStrike = [];
    private readonly List<(GammaProfile Profile, double LevelPerSpot)> books = [];
    private GammaProfile? chain;
    private double level;

    /// <summary>Starts a chain: its level, time to expiry, rate and carry yield (the rate itself under Black-76).</summary>
    public void BeginChain(double chainLevel, double time, double rate, double carryYield)
    {
        chain = new GammaProfile();
        chain.Reset(time, rate, carryYield, multiplier);
        level = chainLevel;
        books.Add((chain, chainLevel / spot));
    }

    public void Add(double strike, ExposureSide call, ExposureSide put)
    {
        var profile = chain ?? throw new InvalidOperationException("BeginChain first.");
        var callGex = call.Gamma is { } cg ? GammaExposure.Of(cg, call.OpenInterest, multiplier, level) : 0;
        var putGex = put.Gamma is { } pg ? GammaExposure.Of(pg, put.OpenInterest, multiplier, level) : 0;
        var dex = (((call.Delta ?? 0) * call.OpenInterest) - ((put.Delta ?? 0) * put.OpenInterest)) * multiplier * level;
        var vex = (((call.Vanna ?? 0) * call.OpenInterest) - ((put.Vanna ?? 0) * put.OpenInterest)) * multiplier * level * 0.01;
        var sum = byStrike.GetValueOrDefault(strike);
        byStrike[strike] = (sum.CallGex + callGex, sum.PutGex + putGex, sum.Dex + dex, sum.Vex + vex);
        profile.Add(strike, call.Iv ?? double.NaN, call.OpenInterest, OptionType.Call);
        profile.Add(strike, put.Iv ?? double.NaN, put.OpenInterest, OptionType.Put);
    }

    public DealerExposureResult Result()
    {
        if (byStrike.Count == 0)
        {
            return DealerExposureResult.Empty;
        }

        var rows = byStrike.Select(kv => new StrikeExposure(kv.Key, kv.Value.CallGex, -kv.Value.PutGex, kv.Value.CallGex - kv.Value.PutGex, kv.Value.Dex, kv.Value.Vex)).ToArray();
        double[] strikes = [.. rows.Select(r => r.Strike)];
        var callWall = GammaExposure.Wall(strikes, [.. rows.Select(r => r.CallGex)]);
        var putWall = GammaExposure.Wall(strikes, [.. rows.Select(r => -r.PutGex)]);
        // A chain without any option to hedge contributes nothing (rather than NaN) to the combined book.
        var flip = GammaExposure.FlipPoint(s => books.Sum(b => b.Profile.Count == 0 ? 0 : b.Profile.NetGexAt(s * b.LevelPerSpot)), spot);
        return new DealerExposureResult(rows.Sum(r => r.NetGex), rows.Sum(r => r.NetDex), rows.Sum(r => r.NetVex), flip, callWall, putWall, rows);
    }
}
