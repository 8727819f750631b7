using System.Runtime.Intrinsics;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary>
/// Price and every Greek of <see cref="BlackScholesMerton.Greeks"/> over a chain at once: 8 options per instruction
/// with AVX-512, 4 with AVX2, scalar for the remainder or where neither is accelerated. The
/// vector lanes evaluate the same formulas with vectorised exp, log and normal CDF, so they agree with the scalar
/// path to a few ulps.
/// </summary>
public static class ChainGreeksKernel
{
    public static void Compute(in ChainGreeksInputs input, in ChainGreeksOutputs output)
    {
        var count = Validate(input, output);
        var done = Vector512.IsHardwareAccelerated ? ChainGreeks<Lanes512>.Compute(input, output, count)
            : Vector256.IsHardwareAccelerated ? ChainGreeks<Lanes256>.Compute(input, output, count)
            : 0;
        ComputeScalar(input, output, done, count);
    }

    /// <summary>Options [from, to) one at a time: the fallback, and the reference the vector paths are tested against.</summary>
    internal static void ComputeScalar(in ChainGreeksInputs input, in ChainGreeksOutputs output, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var g = BlackScholesMerton.Greeks(input.Type[i], input.Spot[i], input.Strike[i], input.Time[i], input.Rate[i], input.DividendYield[i], input.Volatility[i]);
            output.Price[i] = g.Price;
            output.Delta[i] = g.Delta;
            output.Gamma[i] = g.Gamma;
            output.Theta[i] = g.Theta;
            output.Vega[i] = g.Vega;
            output.Rho[i] = g.Rho;
            output.DividendRho[i] = g.DividendRho;
            output.Vanna[i] = g.Vanna;
            output.Volga[i] = g.Volga;
            output.Charm[i] = g.Charm;
            output.Speed[i] = g.Speed;
            output.Zomma[i] = g.Zomma;
            output.Color[i] = g.Color;
        }
    }

    /// <summary>The chain's length; every span must hold it, which is what lets the vector paths skip bounds checks.</summary>
    private static int Validate(in ChainGreeksInputs input, in ChainGreeksOutputs output)
    {
        var n = input.Type.Length;
        if (input.Spot.Length != n || input.Strike.Length != n || input.Time.Length != n || input.Rate.Length != n
            || input.DividendYield.Length != n || input.Volatility.Length != n)
        {
            throw new ArgumentException("every input span must have the same length", nameof(input));
        }

        if (output.Price.Length < n || output.Delta.Length < n || output.Gamma.Length < n || output.Theta.Length < n
            || output.Vega.Length < n || output.Rho.Length < n || output.DividendRho.Length < n || output.Vanna.Length < n
            || output.Volga.Length < n || output.Charm.Length < n || output.Speed.Length < n || output.Zomma.Length < n
            || output.Color.Length < n)
        {
            throw new ArgumentException("every output span must be at least as long as the inputs", nameof(output));
        }

        return n;
    }
}
