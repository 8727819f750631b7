namespace DeltaStream.Analytics.Insights;

/// <summary>
/// Finds the strike sides whose session volume or |OI change| is at least <see cref="PulseRules.UnusualMultiple"/>
/// times the chain's median over active sides (a measure with fewer than <see cref="PulseRules.UnusualMinimumSides"/>
/// active sides has no norm and flags nothing).
/// </summary>
internal static class UnusualScan
{
    public readonly record struct Outcome(int Calls, int Puts, IReadOnlyList<string> Examples);

    /// <summary>The positive values of a measure over every side, ascending.</summary>
    public static long[] Positive(IReadOnlyList<PulseStrike> strikes, Func<PulseStrike, bool, long> measure)
    {
        var values = new List<long>(strikes.Count * 2);
        foreach (var row in strikes)
        {
            foreach (var call in (ReadOnlySpan<bool>)[true, false])
            {
                if (measure(row, call) is > 0 and var value)
                {
                    values.Add(value);
                }
            }
        }

        values.Sort();
        return [.. values];
    }

    public static Outcome Run(IReadOnlyList<PulseStrike> strikes, long[] volumes, long[] oiChanges)
    {
        var volumeNorm = Median(volumes);
        var oiNorm = Median(oiChanges);
        var found = new List<(double Multiple, double Strike, string Text)>();
        int calls = 0, puts = 0;
        foreach (var row in strikes)
        {
            foreach (var call in (ReadOnlySpan<bool>)[true, false])
            {
                var volume = call ? row.CallVolume : row.PutVolume;
                var oiChange = Math.Abs(call ? row.CallOiChange : row.PutOiChange);
                var volumeMultiple = volumeNorm > 0 ? volume / volumeNorm : 0;
                var oiMultiple = oiNorm > 0 ? oiChange / oiNorm : 0;
                if (Math.Max(volumeMultiple, oiMultiple) < PulseRules.UnusualMultiple)
                {
                    continue;
                }

                _ = call ? calls++ : puts++;
                var side = call ? "call" : "put";
                var text = volumeMultiple >= oiMultiple
                    ? $"{side} {PulseText.Price(row.Strike)} volume {PulseText.Count(volume)} ({PulseText.Fixed(volumeMultiple, 1)}x the median {PulseText.Price(volumeNorm)})"
                    : $"{side} {PulseText.Price(row.Strike)} OI change {PulseText.Count(oiChange)} ({PulseText.Fixed(oiMultiple, 1)}x the median {PulseText.Price(oiNorm)})";
                found.Add((Math.Max(volumeMultiple, oiMultiple), row.Strike, text));
            }
        }

        var examples = found.OrderByDescending(f => f.Multiple).ThenBy(f => f.Strike).Take(3).Select(f => f.Text).ToArray();
        return new Outcome(calls, puts, examples);
    }

    private static double Median(long[] ascending)
    {
        if (ascending.Length < PulseRules.UnusualMinimumSides)
        {
            return 0;
        }

        var middle = ascending.Length / 2;
        return ascending.Length % 2 == 1 ? ascending[middle] : (ascending[middle - 1] + ascending[middle]) / 2.0;
    }
}
