namespace DeltaStream.Analytics.Chain;

/// <summary>
/// 25-delta risk reversal and butterfly from the smile: the call IV where call delta is +0.25 and the put IV
/// where put delta is -0.25, each interpolated linearly in delta over out-of-the-money quotes.
/// RR = IV(25c) - IV(25p); BF = (IV(25c) + IV(25p)) / 2 - ATM IV.
/// </summary>
public static class DeltaSkew
{
    public const double Wing = 0.25;

    /// <summary>The IV at |delta| = 0.25 on one side, or null when the quotes do not straddle it.</summary>
    public static double? WingVolatility(ReadOnlySpan<double> deltas, ReadOnlySpan<double> ivs)
    {
        // Walk adjacent pairs with finite values whose |delta| brackets the wing.
        var previous = -1;
        for (var i = 0; i < deltas.Length; i++)
        {
            if (!double.IsFinite(deltas[i]) || !double.IsFinite(ivs[i]))
            {
                continue;
            }

            if (previous >= 0)
            {
                double a = Math.Abs(deltas[previous]), b = Math.Abs(deltas[i]);
                if ((a - Wing) * (b - Wing) <= 0 && a != b)
                {
                    var w = (Wing - a) / (b - a);
                    return ivs[previous] + (w * (ivs[i] - ivs[previous]));
                }
            }

            previous = i;
        }

        return null;
    }
}
