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
    /// The wall of one side: the strike with the largest positive exposure (the first on a tie), null when no
    /// strike has any. <paramref name="exposure"/> is the side's GEX magnitude per strike.
    /// </summary>
    public static double? Wall(ReadOnlySpan<double> strikes, ReadOnlySpan<double> exposure)
    {
        double? wall = null;
        var top = 0.0;
        for (var i = 0; i < strikes.Length; i++)
        {
            if (exposure[i] > top)
            {
                (top, wall) = (exposure[i], strikes[i]);
            }
        }

        return wall;
    }

    /// <summary>
    /// The level nearest <paramref name="spot"/> at which <paramref name="netGexAt"/> changes sign. Walks a grid of
    /// step 2 x <paramref name="range"/> x spot / (gridPoints - 1) outward from spot, both ways at once, and refines the
    /// first brackets with a sign change (Illinois regula falsi); roots in farther brackets cannot be nearer. Null when
    /// net GEX keeps one sign within +/- range or cannot be evaluated (NaN).
    /// </summary>
    public static double? FlipPoint(Func<double, double> netGexAt, double spot, double range = 0.15, int gridPoints = 31)
    {
        ArgumentNullException.ThrowIfNull(netGexAt);
        if (!(spot > 0) || gridPoints < 3)
        {
            return null;
        }

        var step = 2 * range * spot / (gridPoints - 1);
        var atSpot = netGexAt(spot);
        if (double.IsNaN(atSpot))
        {
            return null;
        }

        if (atSpot == 0)
        {
            return spot;
        }

        var (up, fUp, down, fDown) = (spot, atSpot, spot, atSpot);
        for (var k = 1; k <= (gridPoints - 1) / 2; k++)
        {
            var nextUp = spot + (k * step);
            var fNextUp = netGexAt(nextUp);
            var nextDown = spot - (k * step);
            var fNextDown = netGexAt(nextDown);
            double? best = null;
            if (fUp * fNextUp <= 0)
            {
                best = Refine(netGexAt, up, fUp, nextUp, fNextUp, 1e-9 * spot);
            }

            if (fNextDown * fDown <= 0)
            {
                var root = Refine(netGexAt, nextDown, fNextDown, down, fDown, 1e-9 * spot);
                best = best is { } b && Math.Abs(b - spot) <= Math.Abs(root - spot) ? b : root;
            }

            if (best is not null)
            {
                return best;
            }

            (up, fUp, down, fDown) = (nextUp, fNextUp, nextDown, fNextDown);
        }

        return null;
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
}
