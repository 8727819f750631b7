using System.Runtime.Intrinsics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Pricing.Vectorised;

namespace DeltaStream.Analytics.Tests;

/// <summary>The vectorised chain kernel against the scalar Greeks, element by element, on fixed-seed random chains.</summary>
public sealed class ChainGreeksKernelTests
{
    // Relative to the larger of the value and a floor of its field's natural scale: the lanes use other exp, log and
    // division roundings than the scalar path, which near a sign change of a Greek leave an absolute, not relative, error.
    private const double Tolerance = 2e-13;

    [Fact]
    public void Kernel_equals_the_scalar_Greeks_of_every_option()
    {
        var chain = new Chain(1003, seed: 7);
        ChainGreeksKernel.Compute(chain.Inputs, chain.Outputs);
        for (var i = 0; i < chain.Count; i++)
        {
            var g = BlackScholesMerton.Greeks(chain.Type[i], chain.Spot[i], chain.Strike[i], chain.Time[i], chain.Rate[i], chain.Dividend[i], chain.Vol[i]);
            chain.AssertRow(i, g);
        }
    }

    [Fact]
    public void Kernel_equals_the_scalar_Greeks_where_d1_is_so_far_out_that_its_density_underflows()
    {
        // Past |d1| = 37 the lanes price N(d2) from its own exp rather than from n(d1).
        var chain = new Chain(203, seed: 3, maxVolatility: 60);
        ChainGreeksKernel.Compute(chain.Inputs, chain.Outputs);
        Assert.Contains(Enumerable.Range(0, chain.Count), i => chain.Vol[i] * Math.Sqrt(chain.Time[i]) > 2 * 38);
        for (var i = 0; i < chain.Count; i++)
        {
            var g = BlackScholesMerton.Greeks(chain.Type[i], chain.Spot[i], chain.Strike[i], chain.Time[i], chain.Rate[i], chain.Dividend[i], chain.Vol[i]);
            chain.AssertRow(i, g);
        }
    }

    [Fact]
    public void Avx512_lanes_agree_with_the_scalar_path()
    {
        Assert.SkipUnless(Vector512.IsHardwareAccelerated, "Vector512 is not accelerated on this machine");
        AssertLanesAgree(ChainGreeks<Lanes512>.Compute);
    }

    [Fact]
    public void Avx2_lanes_agree_with_the_scalar_path()
    {
        Assert.SkipUnless(Vector256.IsHardwareAccelerated, "Vector256 is not accelerated on this machine");
        AssertLanesAgree(ChainGreeks<Lanes256>.Compute);
    }

    [Fact]
    public void Mismatched_span_lengths_are_refused()
    {
        var chain = new Chain(8, seed: 1);
        Assert.Throws<ArgumentException>(() => ChainGreeksKernel.Compute(chain.Inputs with { Volatility = chain.Vol.AsSpan(1) }, chain.Outputs));
    }

    private delegate int LanePath(in ChainGreeksInputs input, in ChainGreeksOutputs output, int count);

    private static void AssertLanesAgree(LanePath lanes)
    {
        var chain = new Chain(4099, seed: 11);
        var done = lanes(chain.Inputs, chain.Outputs, chain.Count);
        Assert.True(done > chain.Count - 8, $"lanes stopped at {done} of {chain.Count}");
        var scalar = new Chain(4099, seed: 11);
        ChainGreeksKernel.ComputeScalar(scalar.Inputs, scalar.Outputs, 0, done);
        for (var i = 0; i < done; i++)
        {
            chain.AssertRow(i, scalar.Row(i));
        }
    }

    private sealed class Chain
    {
        private readonly double[][] outputs;

        public Chain(int count, int seed, double maxVolatility = 1.5)
        {
            Count = count;
            var random = new Random(seed);
            double Draw(double lo, double hi) => lo + ((hi - lo) * random.NextDouble());
            Type = [.. Enumerable.Range(0, count).Select(_ => random.Next(2) == 0 ? OptionType.Call : OptionType.Put)];
            Spot = [.. Enumerable.Range(0, count).Select(_ => Draw(20, 30_000))];
            Strike = [.. Spot.Select(s => s * Math.Exp(Draw(-0.5, 0.5)))];
            Time = [.. Enumerable.Range(0, count).Select(_ => Math.Exp(Draw(Math.Log(1 / 365.0), Math.Log(5))))];
            Rate = [.. Enumerable.Range(0, count).Select(_ => Draw(-0.01, 0.1))];
            Dividend = [.. Enumerable.Range(0, count).Select(_ => Draw(0, 0.06))];
            Vol = [.. Enumerable.Range(0, count).Select(_ => Draw(0.03, maxVolatility))];
            outputs = [.. Enumerable.Range(0, 13).Select(_ => new double[count])];
        }

        public int Count { get; }

        public OptionType[] Type { get; }

        public double[] Spot { get; }

        public double[] Strike { get; }

        public double[] Time { get; }

        public double[] Rate { get; }

        public double[] Dividend { get; }

        public double[] Vol { get; }

        public ChainGreeksInputs Inputs => new()
        {
            Type = Type, Spot = Spot, Strike = Strike, Time = Time, Rate = Rate, DividendYield = Dividend, Volatility = Vol,
        };

        public ChainGreeksOutputs Outputs => new()
        {
            Price = outputs[0], Delta = outputs[1], Gamma = outputs[2], Theta = outputs[3], Vega = outputs[4], Rho = outputs[5],
            DividendRho = outputs[6], Vanna = outputs[7], Volga = outputs[8], Charm = outputs[9], Speed = outputs[10],
            Zomma = outputs[11], Color = outputs[12],
        };

        public OptionGreeks Row(int i) => new(
            outputs[0][i], outputs[1][i], outputs[2][i], outputs[3][i], outputs[4][i], outputs[5][i], outputs[6][i],
            outputs[7][i], outputs[8][i], outputs[9][i], outputs[10][i], outputs[11][i], outputs[12][i]);

        public void AssertRow(int i, OptionGreeks expected)
        {
            var actual = Row(i);
            var s = Spot[i];
            var t = Time[i];
            var v = Vol[i];
            // Each Greek's scale: price ~ S, per unit of S, of vol, of time.
            var gammaScale = 1 / (s * v * Math.Sqrt(t));
            Near("price", expected.Price, actual.Price, s);
            Near("delta", expected.Delta, actual.Delta, 1);
            Near("gamma", expected.Gamma, actual.Gamma, gammaScale);
            Near("theta", expected.Theta, actual.Theta, s / t);
            Near("vega", expected.Vega, actual.Vega, s * Math.Sqrt(t));
            Near("rho", expected.Rho, actual.Rho, s * t);
            Near("dividendRho", expected.DividendRho, actual.DividendRho, s * t);
            Near("vanna", expected.Vanna, actual.Vanna, 1 / v);
            Near("volga", expected.Volga, actual.Volga, s * Math.Sqrt(t) / v);
            Near("charm", expected.Charm, actual.Charm, 1 / t);
            Near("speed", expected.Speed, actual.Speed, gammaScale / s);
            Near("zomma", expected.Zomma, actual.Zomma, gammaScale / v);
            Near("color", expected.Color, actual.Color, gammaScale / t);

            void Near(string name, double e, double a, double scale) => Assert.True(
                Math.Abs(a - e) <= Tolerance * Math.Max(Math.Abs(e), scale),
                $"{name} of option {i} ({Type[i]} S={s:R} K={Strike[i]:R} T={t:R} r={Rate[i]:R} q={Dividend[i]:R} vol={v:R}): expected {e:R}, got {a:R}");
        }
    }
}
