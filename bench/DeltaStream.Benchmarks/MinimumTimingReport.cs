using System.Diagnostics;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Pricing.Vectorised;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- min-timing`: per-option cost as the fastest of 400 passes over the benchmark's option
/// set, after as many passes of warm-up. A pass takes well under a millisecond, so on a shared host some passes run without being preempted, where
/// BenchmarkDotNet's means (iterations of many passes) absorb the other tenants' load.
/// </summary>
public static class MinimumTimingReport
{
    private const int Passes = 400;

    public static void Print()
    {
        var options = BenchmarkInputs.Options;
        var n = options.Length;
        var prices = options.Select(o => BlackScholesMerton.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol)).ToArray();
        OptionType[] types = [.. options.Select(o => o.Type)];
        double[] spots = [.. options.Select(_ => BenchmarkInputs.Spot)], strikes = [.. options.Select(o => o.Strike)], times = [.. options.Select(o => o.Time)];
        double[] rates = [.. options.Select(_ => BenchmarkInputs.Rate)], dividends = [.. options.Select(_ => BenchmarkInputs.Dividend)], vols = [.. options.Select(o => o.Vol)];
        var greeks = Enumerable.Range(0, 13).Select(_ => new double[n]).ToArray();
        var sink = 0.0;

        double Fastest(Action pass)
        {
            // As many unmeasured passes first, so tiered compilation has finished with the code being timed.
            for (var p = 0; p < Passes; p++)
            {
                pass();
            }

            var best = double.MaxValue;
            for (var p = 0; p < Passes; p++)
            {
                var clock = Stopwatch.StartNew();
                pass();
                best = Math.Min(best, clock.Elapsed.TotalNanoseconds / n);
            }

            return best;
        }

        double Inversions(double guessOverRoot) => Fastest(() =>
        {
            for (var i = 0; i < n; i++)
            {
                var o = options[i];
                sink += ImpliedVolatility.FromSpot(o.Type, prices[i], BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol * guessOverRoot).Volatility;
            }
        });

        var scalar = Fastest(() =>
        {
            foreach (var o in options)
            {
                var g = BlackScholesMerton.Greeks(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol);
                sink += g.Price + g.Delta + g.Gamma + g.Theta + g.Vega + g.Rho + g.Vanna + g.Volga + g.Charm;
            }
        });
        var kernel = Fastest(() => ChainGreeksKernel.Compute(
            new ChainGreeksInputs { Type = types, Spot = spots, Strike = strikes, Time = times, Rate = rates, DividendYield = dividends, Volatility = vols },
            new ChainGreeksOutputs
            {
                Price = greeks[0], Delta = greeks[1], Gamma = greeks[2], Theta = greeks[3], Vega = greeks[4], Rho = greeks[5], DividendRho = greeks[6],
                Vanna = greeks[7], Volga = greeks[8], Charm = greeks[9], Speed = greeks[10], Zomma = greeks[11], Color = greeks[12],
            }));
        var cold = Inversions(double.NaN);
        var near = Inversions(1.001);
        var atRoot = Inversions(1.0);

        Console.WriteLine($"fastest of {Passes} passes over {n} options, ns per option (checksum {sink:E3})");
        Console.WriteLine($"BSM price + all Greeks, scalar      {scalar,8:F1}");
        Console.WriteLine($"ChainGreeksKernel (SoA, vectorised) {kernel,8:F1}");
        Console.WriteLine($"implied volatility, cold            {cold,8:F1}");
        Console.WriteLine($"implied volatility, warm 0.1% off   {near,8:F1}");
        Console.WriteLine($"implied volatility, warm at root    {atRoot,8:F1}");
    }
}
