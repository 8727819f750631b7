namespace DeltaStream.Analytics.Chain;

/// <summary>
/// Max pain: the listed strike P at which option holders' total intrinsic value at expiry,
/// pain(P) = sum_K callOI(K) max(P - K, 0) + putOI(K) max(K - P, 0), is smallest. Ties go to the lowest strike.
/// Computed in O(n) with running sums over strikes sorted ascending.
/// </summary>
public static class MaxPain
{
    /// <param name="strikes">Strictly ascending.</param>
    /// <param name="painByStrike">Receives pain(P) for every strike (times the contract multiplier).</param>
    /// <returns>The index of the max-pain strike, or -1 when there are no strikes or no open interest.</returns>
    public static int Compute(ReadOnlySpan<double> strikes, ReadOnlySpan<double> callOi, ReadOnlySpan<double> putOi, double contractMultiplier, Span<double> painByStrike)
    {
        var n = strikes.Length;
        if (n == 0 || callOi.Length != n || putOi.Length != n || painByStrike.Length < n)
        {
            return -1;
        }

        // Put side from the right: sum over K > P of putOI(K) (K - P).
        double putOiAbove = 0, putOiStrikeAbove = 0, totalOi = 0;
        for (var j = n - 1; j >= 0; j--)
        {
            painByStrike[j] = putOiStrikeAbove - (strikes[j] * putOiAbove);
            putOiAbove += putOi[j];
            putOiStrikeAbove += putOi[j] * strikes[j];
            totalOi += putOi[j] + callOi[j];
        }

        if (totalOi <= 0)
        {
            return -1;
        }

        // Call side from the left: sum over K < P of callOI(K) (P - K).
        double callOiBelow = 0, callOiStrikeBelow = 0;
        var best = 0;
        for (var j = 0; j < n; j++)
        {
            painByStrike[j] = (painByStrike[j] + (strikes[j] * callOiBelow) - callOiStrikeBelow) * contractMultiplier;
            callOiBelow += callOi[j];
            callOiStrikeBelow += callOi[j] * strikes[j];
            if (painByStrike[j] < painByStrike[best])
            {
                best = j;
            }
        }

        return best;
    }
}
