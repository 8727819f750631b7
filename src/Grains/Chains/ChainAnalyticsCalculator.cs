using DeltaStream.Analytics;
using DeltaStream.Analytics.Chain;
using DeltaStream.Snapshots;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// Chain analytics from the strikes' last recompute. Holds its column buffers between calls so a recompute
/// allocates only the result record. Missing values are NaN in the buffers and null in the result.
/// </summary>
internal sealed class ChainAnalyticsCalculator
{
    private readonly GammaProfile gammaProfile = new();
    private double[] strikes = [], callOi = [], putOi = [], callIv = [], putIv = [], otmIv = [], callDelta = [], putDelta = [], callGex = [], putGex = [], pain = [];

    public ChainAnalytics Compute(IReadOnlyList<StrikeSlot> slots, ChainMarket market)
    {
        var (forward, time, multiplier) = (market.Forward, market.Time, market.Multiplier);
        var level = market.ExposureLevel;
        var n = slots.Count;
        EnsureCapacity(n);
        double callVolume = 0, putVolume = 0, callOiTotal = 0, putOiTotal = 0;
        double netGex = 0;
        var anyGamma = false;
        for (var i = 0; i < n; i++)
        {
            var slot = slots[i];
            strikes[i] = slot.Strike;
            callOi[i] = slot.Call?.Oi ?? 0;
            putOi[i] = slot.Put?.Oi ?? 0;
            callIv[i] = slot.Call?.Iv ?? double.NaN;
            putIv[i] = slot.Put?.Iv ?? double.NaN;
            callDelta[i] = slot.Call?.Delta ?? double.NaN;
            putDelta[i] = slot.Put?.Delta ?? double.NaN;
            callVolume += slot.Call?.Volume ?? 0;
            putVolume += slot.Put?.Volume ?? 0;
            callOiTotal += callOi[i];
            putOiTotal += putOi[i];

            callGex[i] = putGex[i] = 0;
            if (level is { } s)
            {
                var callGamma = slot.Call?.Gamma ?? double.NaN;
                var putGamma = slot.Put?.Gamma ?? double.NaN;
                callGex[i] = double.IsFinite(callGamma) ? GammaExposure.Of(callGamma, callOi[i], multiplier, s) : 0;
                putGex[i] = double.IsFinite(putGamma) ? GammaExposure.Of(putGamma, putOi[i], multiplier, s) : 0;
                anyGamma |= double.IsFinite(callGamma) || double.IsFinite(putGamma);
                netGex += callGex[i] - putGex[i];
            }
        }

        var painIndex = MaxPain.Compute(strikes.AsSpan(0, n), callOi.AsSpan(0, n), putOi.AsSpan(0, n), 1, pain);
        double? atmStrike = null, atmIv = null, straddle = null, expectedMove = null, riskReversal = null, butterfly = null, gammaFlip = null;
        if (forward is { } f)
        {
            var atm = StrikeLadder.Nearest(strikes.AsSpan(0, n), f);
            if (atm >= 0)
            {
                atmStrike = strikes[atm];
                var atmSlot = slots[atm];
                if (atmSlot.Call is { } c && atmSlot.Put is { } p && c.Premium > 0 && p.Premium > 0)
                {
                    straddle = c.Premium + p.Premium;
                }
            }

            for (var i = 0; i < n; i++)
            {
                otmIv[i] = VolatilitySmile.OutOfTheMoney(strikes[i], f, callIv[i], putIv[i]);
            }

            atmIv = StrikeLadder.Interpolate(strikes.AsSpan(0, n), otmIv.AsSpan(0, n), f);
            if (atmIv is { } v && time > 0)
            {
                expectedMove = f * v * Math.Sqrt(time);
            }

            var firstCall = FirstAtOrAbove(f, n);
            var callWing = DeltaSkew.WingVolatility(callDelta.AsSpan(firstCall, n - firstCall), callIv.AsSpan(firstCall, n - firstCall));
            var putWing = DeltaSkew.WingVolatility(putDelta.AsSpan(0, firstCall), putIv.AsSpan(0, firstCall));
            if (callWing is { } cw && putWing is { } pw)
            {
                riskReversal = cw - pw;
                butterfly = atmIv is { } a ? (0.5 * (cw + pw)) - a : null;
            }
        }

        if (level is { } at && market.Spot is { } spot && anyGamma)
        {
            // Found where the Greeks live (spot or forward), reported as a spot level.
            gammaProfile.Reset(time, market.Rate, market.CarryYield, multiplier);
            for (var i = 0; i < n; i++)
            {
                gammaProfile.Add(strikes[i], callIv[i], callOi[i], OptionType.Call);
                gammaProfile.Add(strikes[i], putIv[i], putOi[i], OptionType.Put);
            }

            gammaFlip = GammaExposure.FlipPoint(gammaProfile.NetGexAt, at) * spot / at;
        }

        return new ChainAnalytics(
            PutCallRatio.Compute(putOiTotal, callOiTotal),
            PutCallRatio.Compute(putVolume, callVolume),
            painIndex >= 0 ? strikes[painIndex] : null,
            atmStrike,
            atmIv,
            straddle,
            expectedMove,
            riskReversal,
            butterfly,
            (long)callOiTotal,
            (long)putOiTotal,
            anyGamma ? netGex : null,
            gammaFlip,
            GammaExposure.Wall(strikes.AsSpan(0, n), callGex.AsSpan(0, n)),
            GammaExposure.Wall(strikes.AsSpan(0, n), putGex.AsSpan(0, n)));
    }

    private int FirstAtOrAbove(double level, int n)
    {
        var i = 0;
        while (i < n && strikes[i] < level)
        {
            i++;
        }

        return i;
    }

    private void EnsureCapacity(int n)
    {
        if (strikes.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, 2 * strikes.Length);
        strikes = new double[size];
        callOi = new double[size];
        putOi = new double[size];
        callIv = new double[size];
        putIv = new double[size];
        otmIv = new double[size];
        callDelta = new double[size];
        putDelta = new double[size];
        callGex = new double[size];
        putGex = new double[size];
        pain = new double[size];
    }
}
