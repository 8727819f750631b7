using DeltaStream.Analytics.Pricing;

namespace DeltaStream.Analytics.Chain;

/// <summary>
/// Dealer gamma exposure in currency per 1% move of the underlying, under the common convention that dealers
/// are long the calls and short the puts that customers hold: call GEX = +gamma x OI x multiplier x S^2 x 0.01,
/// put GEX = -gamma x OI x multiplier x S^2 x 0.01. Positive net GEX means dealer hedging dampens moves.
/// </summary>
public static class GammaExposure
{
    public static double Of(double gamma, double openInterest, double multiplier, double spot) =>
        gamma * openInterest * multiplier * spot * spot * 0.01;

    /// <summary>
    /// The spot level nearest the current spot at which net GEX changes sign, re-evaluating every option's gamma
    /// (BSM at its own IV) over a grid of +/- <paramref name="range"/> around spot, then refining by bisection.
    /// Null when net GEX keeps one sign over the grid or no option has an IV.
    /// </summary>
    public static double? FlipPoint(
        ReadOnlySpan<double> strikes, ReadOnlySpan<double> callIv, ReadOnlySpan<double> putIv, ReadOnlySpan<double> callOi, ReadOnlySpan<double> putOi,
        double spot, double time, double rate, double dividendYield, double multiplier, double range = 0.15, int gridPoints = 31)
    {
        if (!(spot > 0) || !(time > 0))
        {
            return null;
        }

        double? best = null;
        var lo = spot * (1 - range);
        var step = 2 * range * spot / (gridPoints - 1);
        var previousLevel = lo;
        var previousValue = NetGexAt(lo, strikes, callIv, putIv, callOi, putOi, time, rate, dividendYield, multiplier);
        for (var i = 1; i < gridPoints; i++)
        {
            var level = lo + (i * step);
            var value = NetGexAt(level, strikes, callIv, putIv, callOi, putOi, time, rate, dividendYield, multiplier);
            if (double.IsNaN(value))
            {
                return null;
            }

            if (previousValue * value < 0)
            {
                double a = previousLevel, b = level, fa = previousValue;
                for (var k = 0; k < 40 && b - a > 1e-9 * spot; k++)
                {
                    var mid = 0.5 * (a + b);
                    var fm = NetGexAt(mid, strikes, callIv, putIv, callOi, putOi, time, rate, dividendYield, multiplier);
                    if (fa * fm <= 0)
                    {
                        b = mid;
                    }
                    else
                    {
                        a = mid;
                        fa = fm;
                    }
                }

                var root = 0.5 * (a + b);
                if (best is null || Math.Abs(root - spot) < Math.Abs(best.Value - spot))
                {
                    best = root;
                }
            }

            previousLevel = level;
            previousValue = value;
        }

        return best;
    }

    /// <summary>Net GEX if the underlying were at <paramref name="level"/>; NaN when no option has an IV.</summary>
    public static double NetGexAt(
        double level, ReadOnlySpan<double> strikes, ReadOnlySpan<double> callIv, ReadOnlySpan<double> putIv, ReadOnlySpan<double> callOi, ReadOnlySpan<double> putOi,
        double time, double rate, double dividendYield, double multiplier)
    {
        double net = 0;
        var any = false;
        for (var i = 0; i < strikes.Length; i++)
        {
            if (double.IsFinite(callIv[i]) && callIv[i] > 0 && callOi[i] > 0)
            {
                net += Of(BlackScholesMerton.Gamma(level, strikes[i], time, rate, dividendYield, callIv[i]), callOi[i], multiplier, level);
                any = true;
            }

            if (double.IsFinite(putIv[i]) && putIv[i] > 0 && putOi[i] > 0)
            {
                net -= Of(BlackScholesMerton.Gamma(level, strikes[i], time, rate, dividendYield, putIv[i]), putOi[i], multiplier, level);
                any = true;
            }
        }

        return any ? net : double.NaN;
    }
}
