using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary><see cref="BlackScholesMerton.Greeks"/> for <c>TLanes.Count</c> options per step (8 with AVX-512, 4 with AVX2), the same formulas lane by lane.</summary>
internal static class ChainGreeks<TLanes>
    where TLanes : struct, ILanes<TLanes>
{
    /// <summary>Options [0, count - count % TLanes.Count) of the chain; the caller finishes the rest.</summary>
    public static int Compute(in ChainGreeksInputs input, in ChainGreeksOutputs output, int count)
    {
        var types = MemoryMarshal.Cast<OptionType, int>(input.Type);
        var width = TLanes.Count;
        var i = 0;
        for (; i <= count - width; i += width)
        {
            Step(input, output, types, (nuint)i);
        }

        return i;
    }

    // Not inlined: the JIT inlines only so many calls into one method, and with Step in the loop (and the normal CDF
    // in Step) it ran out and left the lane operators as calls, ten times slower.
    private static void Step(in ChainGreeksInputs input, in ChainGreeksOutputs output, ReadOnlySpan<int> types, nuint i)
    {
        var spot = TLanes.Load(input.Spot, i);
        var strike = TLanes.Load(input.Strike, i);
        var time = TLanes.Load(input.Time, i);
        var rate = TLanes.Load(input.Rate, i);
        var dividendYield = TLanes.Load(input.DividendYield, i);
        var volatility = TLanes.Load(input.Volatility, i);
        // Call = 0, Put = 1: sign +1 for calls, -1 for puts.
        var sign = TLanes.One - (2.0 * TLanes.LoadAsDouble(types, i));

        var sqrtT = TLanes.Sqrt(time);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = ((TLanes.Log(spot / strike) + ((rate - dividendYield) * time)) / sigmaSqrtT) + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var dq = TLanes.Exp(-dividendYield * time);
        var dr = TLanes.Exp(-rate * time);
        var nd1 = VectorNormal<TLanes>.CdfAndPdf(sign * d1, out var pdf);
        // n(d2) = n(d1) F/K spares an exp, unless n(d1) may have underflowed where n(d2) has not.
        var nd2 = TLanes.GreaterThanAny(TLanes.Abs(d1), TLanes.Create(37.0))
            ? VectorNormal<TLanes>.CdfAndPdf(sign * d2, out _)
            : VectorNormal<TLanes>.Cdf(sign * d2, pdf * (spot * dq) / (strike * dr));

        var spotDq = spot * dq;
        var strikeDr = strike * dr;
        // Reciprocals once: a vector division costs as much as a dozen multiplications.
        var invVolatility = TLanes.One / volatility;
        var invTime = TLanes.One / time;
        var invSigmaSqrtT = TLanes.One / sigmaSqrtT;
        var gamma = dq * pdf * invSigmaSqrtT / spot;
        var vega = spotDq * pdf * sqrtT;
        TLanes.Store(output.Price, i, sign * ((spotDq * nd1) - (strikeDr * nd2)));
        TLanes.Store(output.Delta, i, sign * dq * nd1);
        TLanes.Store(output.Gamma, i, gamma);
        TLanes.Store(output.Vega, i, vega);
        TLanes.Store(output.Theta, i, (-0.5 * spotDq * pdf * volatility / sqrtT) - (sign * rate * strikeDr * nd2) + (sign * dividendYield * spotDq * nd1));
        TLanes.Store(output.Rho, i, sign * strike * time * dr * nd2);
        TLanes.Store(output.DividendRho, i, -sign * spot * time * dq * nd1);
        TLanes.Store(output.Vanna, i, -dq * pdf * d2 * invVolatility);
        TLanes.Store(output.Volga, i, vega * d1 * d2 * invVolatility);
        var d1Drift = 0.5 * ((2.0 * (rate - dividendYield) * time) - (d2 * sigmaSqrtT)) * invTime * invSigmaSqrtT;
        TLanes.Store(output.Charm, i, (sign * dividendYield * dq * nd1) - (dq * pdf * d1Drift));
        TLanes.Store(output.Speed, i, -gamma / spot * ((d1 * invSigmaSqrtT) + TLanes.One));
        TLanes.Store(output.Zomma, i, gamma * ((d1 * d2) - TLanes.One) * invVolatility);
        var colorDrift = ((2.0 * (rate - dividendYield) * time) - (d2 * sigmaSqrtT)) * invSigmaSqrtT * d1;
        TLanes.Store(output.Color, i, 0.5 * gamma * invTime * ((2.0 * dividendYield * time) + TLanes.One + colorDrift));
    }
}
