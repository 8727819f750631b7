using BenchmarkDotNet.Attributes;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Pricing.Vectorised;
using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Benchmarks;

/// <summary>Per-option cost of pricing with every Greek, and of one implied volatility inversion at full accuracy.</summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private static readonly BenchmarkInputs.Option[] Options = BenchmarkInputs.Options;
    private static readonly OptionType[] Types = [.. Options.Select(o => o.Type)];
    private static readonly double[] Spots = [.. Options.Select(_ => BenchmarkInputs.Spot)];
    private static readonly double[] Strikes = [.. Options.Select(o => o.Strike)];
    private static readonly double[] Times = [.. Options.Select(o => o.Time)];
    private static readonly double[] Rates = [.. Options.Select(_ => BenchmarkInputs.Rate)];
    private static readonly double[] Dividends = [.. Options.Select(_ => BenchmarkInputs.Dividend)];
    private static readonly double[] Vols = [.. Options.Select(o => o.Vol)];
    private readonly double[][] greeks = [.. Enumerable.Range(0, 13).Select(_ => new double[Options.Length])];
    private double[] prices = [];

    [GlobalSetup]
    public void Setup() =>
        prices = [.. Options.Select(o => BlackScholesMerton.Price(o.Type, BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol))];

    [Benchmark(OperationsPerInvoke = 1968, Description = "Chain Greeks kernel (SoA, vectorised), price + all Greeks, per option")]
    public double ChainKernel()
    {
        var g = greeks;
        ChainGreeksKernel.Compute(
            new ChainGreeksInputs { Type = Types, Spot = Spots, Strike = Strikes, Time = Times, Rate = Rates, DividendYield = Dividends, Volatility = Vols },
            new ChainGreeksOutputs
            {
                Price = g[0], Delta = g[1], Gamma = g[2], Theta = g[3], Vega = g[4], Rho = g[5], DividendRho = g[6],
                Vanna = g[7], Volga = g[8], Charm = g[9], Speed = g[10], Zomma = g[11], Color = g[12],
            });
        return g[0][0];
    }

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

    [Benchmark(OperationsPerInvoke = 1968, Description = "Implied volatility, warm-started 0.1% off the root, per inversion")]
    public double WarmImpliedVolatilityNear() => Warm(1.001);

    [Benchmark(OperationsPerInvoke = 1968, Description = "Implied volatility, warm-started at the root (quote unchanged), per inversion")]
    public double WarmImpliedVolatilityAtRoot() => Warm(1.0);

    private double Warm(double guessOverRoot)
    {
        var sum = 0.0;
        for (var i = 0; i < Options.Length; i++)
        {
            var o = Options[i];
            sum += ImpliedVolatility.FromSpot(o.Type, prices[i], BenchmarkInputs.Spot, o.Strike, o.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, o.Vol * guessOverRoot).Volatility;
        }

        return sum;
    }
}
