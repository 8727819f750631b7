using BenchmarkDotNet.Attributes;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Benchmarks;

/// <summary>Per-option cost of pricing with every Greek, and of one implied volatility inversion at full accuracy.</summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private static readonly BenchmarkInputs.Option[] Options = BenchmarkInputs.Options;
    private double[] prices = [];

    [GlobalSetup]
    public void Setup() =>
        prices = [.. Options.Select(o => BlackScholesMerton.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol))];

    [Benchmark(OperationsPerInvoke = 1968, Description = "BSM price + all Greeks, per option")]
    public double PriceAndGreeks()
    {
        var sum = 0.0;
        foreach (var o in Options)
        {
            var g = BlackScholesMerton.Greeks(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol);
            sum += g.Price + g.Delta + g.Gamma + g.Theta + g.Vega + g.Rho + g.Vanna + g.Volga + g.Charm;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1968, Description = "Implied volatility, per inversion")]
    public double ImpliedVolatilityInversion()
    {
        var sum = 0.0;
        for (var i = 0; i < Options.Length; i++)
        {
            var o = Options[i];
            sum += ImpliedVolatility.FromSpot(o.Type, prices[i], BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend).Volatility;
        }

        return sum;
    }
}
