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
    /// The level nearest <paramref name="spot"/> at which <paramref name="netGexAt"/> changes sign, scanning a
    /// grid of +/- <paramref name="range"/> around spot and refining each bracket with the Illinois variant of
    /// regula falsi. Null when net GEX keeps one sign over the grid or cannot be evaluated (NaN).
    /// </summary>
    public static double? FlipPoint(Func<double, double> netGexAt, double spot, double range = 0.15, int gridPoints = 31)
    {
        ArgumentNullException.ThrowIfNull(netGexAt);
        if (!(spot > 0) || gridPoints < 2)
        {
            return null;
        }

        double? best = null;
        var step = 2 * range * spot / (gridPoints - 1);
        var a = spot * (1 - range);
        var fa = netGexAt(a);
        for (var i = 1; i < gridPoints && !double.IsNaN(fa); i++)
        {
            var b = a + step;
            var fb = netGexAt(b);
            if (double.IsNaN(fb))
            {
                return null;
            }

            if (fa * fb < 0)
            {
                var root = Refine(netGexAt, a, fa, b, fb, 1e-9 * spot);
                if (best is null || Math.Abs(root - spot) < Math.Abs(best.Value - spot))
                {
                    best = root;
                }
            }

            (a, fa) = (b, fb);
        }

        return best;
    }

    private static double Refine(Func<double, double> f, double a, double fa, double b, double fb, double tolerance)
    {
        var side = 0;
        for (var k = 0; k < 60 && b - a > tolerance; k++)
        {
            var c = ((a * fb) - (b * fa)) / (fb - fa);
            var fc = f(c);
            if (fc == 0)
            {
                return c;
            }

            if (fa * fc < 0)
            {
                (b, fb) = (c, fc);
                if (side == -1)
                {
                    fa *= 0.5;
                }

                side = -1;
            }
            else
            {
                (a, fa) = (c, fc);
                if (side == 1)
                {
                    fb *= 0.5;
                }

                side = 1;
            }

            if (Math.Abs(fc) <= 1e-12 * (Math.Abs(fa) + Math.Abs(fb)))
            {
                return c;
            }
        }

        return 0.5 * (a + b);
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
