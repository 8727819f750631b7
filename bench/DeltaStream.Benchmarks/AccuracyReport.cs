using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- accuracy`: the implied volatility round trip over the benchmark's option set, reported
/// beside the timing so speed is never quoted without the accuracy it was measured at.
/// </summary>
public static class AccuracyReport
{
    public static void Print()
    {
        double worst = 0, worstConditioned = 0;
        var unresolved = 0;
        var beyondBound = 0;
        var options = BenchmarkInputs.Options;
        foreach (var o in options)
        {
            var price = Analytics.Pricing.BlackScholesMerton.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol);
            var iv = ImpliedVolatility.FromSpot(o.Type, price, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend);
            if (iv.IsOk)
            {
                // The reference file's conditioning-aware bound: what rounding the price to a double allows.
                var vega = Analytics.Pricing.BlackScholesMerton.Greeks(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol).Vega;
                var bound = Math.Max(1e-10, 100 * 2.2e-16 * (price + BenchmarkInputs.Spot + o.Strike) / vega);
                var error = Math.Abs(iv.Volatility - o.Vol);
                worst = Math.Max(worst, error);
                if (bound <= 1e-10)
                {
                    worstConditioned = Math.Max(worstConditioned, error);
                }

                beyondBound += error > bound ? 1 : 0;
            }
            else
            {
                unresolved++;
            }
        }

        Console.WriteLine($"options {options.Length}, status ok {options.Length - unresolved}, other status {unresolved}");
        Console.WriteLine($"max |iv - vol| {worst:E3}; where the price determines vol to 1e-10: {worstConditioned:E3}; beyond the conditioning bound: {beyondBound}");
    }
}
