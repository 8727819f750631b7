using BenchmarkDotNet.Attributes;
using DeltaStream.Analytics.American;

namespace DeltaStream.Benchmarks;

/// <summary>
/// Per-option cost of the American engine on every fourth strike of <see cref="BenchmarkInputs"/> (528 options: 6
/// maturities, 4 vols, calls and puts): price, price with Greeks, implied volatility from a cold start, and a chain's
/// IV with Greeks at the chain preset warm-started from an IV one vol point away (a quote that moved).
/// </summary>
[MemoryDiagnoser]
public class AmericanBenchmarks
{
    private static readonly BenchmarkInputs.Option[] Options = [.. BenchmarkInputs.Options.Where(o => ((int)o.Strike - 80) % 4 == 0)];
    private double[] prices = [];

    [GlobalSetup]
    public void Setup() =>
        prices = [.. Options.Select(o => AmericanOption.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol).Price)];

    [Benchmark(OperationsPerInvoke = 528, Description = "American price, per option")]
    public double Price()
    {
        var sum = 0.0;
        foreach (var o in Options)
        {
            sum += AmericanOption.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol).Price;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 528, Description = "American price + Greeks, per option")]
    public double PriceAndGreeks()
    {
        var sum = 0.0;
        foreach (var o in Options)
        {
            var g = AmericanOption.Greeks(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol);
            sum += g.Price + g.Delta + g.Gamma + g.Theta + g.Vega + g.Rho;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 528, Description = "American IV (cold), per inversion")]
    public double ImpliedVolatility()
    {
        var sum = 0.0;
        for (var i = 0; i < Options.Length; i++)
        {
            var o = Options[i];
            sum += AmericanImpliedVolatility.FromPrice(o.Type, prices[i], BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend).Volatility;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 528, Description = "American IV + Greeks, chain preset, warm, per option")]
    public double ChainImpliedVolatilityWithGreeks()
    {
        var sum = 0.0;
        for (var i = 0; i < Options.Length; i++)
        {
            var o = Options[i];
            var s = AmericanImpliedVolatility.WithGreeks(o.Type, prices[i], BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, [], o.Vol + 0.01, AmericanAccuracy.Chain);
            sum += s.ImpliedVolatility.Volatility + s.Greeks.Delta + s.Greeks.Vega;
        }

        return sum;
    }
}
