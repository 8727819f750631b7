using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary><see cref="BlackScholesMerton.Greeks"/> for 8 options per step, the same formulas lane by lane.</summary>
internal static class ChainGreeks512
{
    /// <summary>Options [0, count - count % 8) of the chain; the caller finishes the rest.</summary>
    public static int Compute(in ChainGreeksInputs input, in ChainGreeksOutputs output, int count)
    {
        var types = MemoryMarshal.Cast<OptionType, int>(input.Type);
        var width = Vector512<double>.Count;
        var i = 0;
        for (; i <= count - width; i += width)
        {
            Step(input, output, types, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(in ChainGreeksInputs input, in ChainGreeksOutputs output, ReadOnlySpan<int> types, nuint i)
    {
        var spot = Load(input.Spot, i);
        var strike = Load(input.Strike, i);
        var time = Load(input.Time, i);
        var rate = Load(input.Rate, i);
        var dividendYield = Load(input.DividendYield, i);
        var volatility = Load(input.Volatility, i);
        var (callOrPutLow, callOrPutHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(types), i));
        // Call = 0, Put = 1: sign +1 for calls, -1 for puts.
        var sign = Vector512<double>.One - (2.0 * Vector512.ConvertToDouble(Vector512.Create(callOrPutLow, callOrPutHigh)));

        var sqrtT = Vector512.Sqrt(time);
        var sigmaSqrtT = volatility * sqrtT;
        var d1 = ((Vector512.Log(spot / strike) + ((rate - dividendYield) * time)) / sigmaSqrtT) + (0.5 * sigmaSqrtT);
        var d2 = d1 - sigmaSqrtT;
        var dq = Vector512.Exp(-dividendYield * time);
        var dr = Vector512.Exp(-rate * time);
        var nd1 = VectorNormal512.CdfAndPdf(sign * d1, out var pdf);
        // n(d2) = n(d1) F/K spares an exp, unless n(d1) may have underflowed where n(d2) has not.
        var nd2 = Vector512.GreaterThanAny(Vector512.Abs(d1), Vector512.Create(37.0))
            ? VectorNormal512.CdfAndPdf(sign * d2, out _)
            : VectorNormal512.Cdf(sign * d2, pdf * (spot * dq) / (strike * dr));

        var spotDq = spot * dq;
        var strikeDr = strike * dr;
        // Reciprocals once: a vector division costs as much as a dozen multiplications.
        var invVolatility = Vector512<double>.One / volatility;
        var invTime = Vector512<double>.One / time;
        var invSigmaSqrtT = Vector512<double>.One / sigmaSqrtT;
        var gamma = dq * pdf * invSigmaSqrtT / spot;
        var vega = spotDq * pdf * sqrtT;
        Store(output.Price, i, sign * ((spotDq * nd1) - (strikeDr * nd2)));
        Store(output.Delta, i, sign * dq * nd1);
        Store(output.Gamma, i, gamma);
        Store(output.Vega, i, vega);
        Store(output.Theta, i, (-0.5 * spotDq * pdf * volatility / sqrtT) - (sign * rate * strikeDr * nd2) + (sign * dividendYield * spotDq * nd1));
        Store(output.Rho, i, sign * strike * time * dr * nd2);
        Store(output.DividendRho, i, -sign * spot * time * dq * nd1);
        Store(output.Vanna, i, -dq * pdf * d2 * invVolatility);
        Store(output.Volga, i, vega * d1 * d2 * invVolatility);
        var d1Drift = 0.5 * ((2.0 * (rate - dividendYield) * time) - (d2 * sigmaSqrtT)) * invTime * invSigmaSqrtT;
        Store(output.Charm, i, (sign * dividendYield * dq * nd1) - (dq * pdf * d1Drift));
        Store(output.Speed, i, -gamma / spot * ((d1 * invSigmaSqrtT) + Vector512<double>.One));
        Store(output.Zomma, i, gamma * ((d1 * d2) - Vector512<double>.One) * invVolatility);
        var colorDrift = ((2.0 * (rate - dividendYield) * time) - (d2 * sigmaSqrtT)) * invSigmaSqrtT * d1;
        Store(output.Color, i, 0.5 * gamma * invTime * ((2.0 * dividendYield * time) + Vector512<double>.One + colorDrift));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Load(ReadOnlySpan<double> values, nuint i) => Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<double> values, nuint i, Vector512<double> value) => value.StoreUnsafe(ref MemoryMarshal.GetReference(values), i);
}
