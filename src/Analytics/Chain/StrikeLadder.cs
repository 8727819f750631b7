namespace DeltaStream.Analytics.Chain;

/// <summary>Lookups on an ascending strike ladder.</summary>
public static class StrikeLadder
{
    /// <summary>The index of the strike nearest <paramref name="level"/> (the lower one on a tie), or -1 if empty.</summary>
    public static int Nearest(ReadOnlySpan<double> strikes, double level)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < strikes.Length; i++)
        {
            var distance = Math.Abs(strikes[i] - level);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Linear interpolation of y(x) at <paramref name="at"/> over the points whose y is finite, xs ascending.
    /// Null outside the range of such points (no extrapolation).
    /// </summary>
    public static double? Interpolate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double at)
    {
        var previous = -1;
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(ys[i]))
            {
                continue;
            }

            if (xs[i] == at)
            {
                return ys[i];
            }

            if (xs[i] > at)
            {
                if (previous < 0)
                {
                    return null;
                }

                var w = (at - xs[previous]) / (xs[i] - xs[previous]);
                return ys[previous] + (w * (ys[i] - ys[previous]));
            }

            previous = i;
        }

        return null;
    }
}
