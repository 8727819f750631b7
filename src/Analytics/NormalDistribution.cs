using System.Runtime.CompilerServices;

namespace DeltaStream.Analytics;

/// <summary>
/// Standard normal density and distribution. The CDF is built on W. J. Cody's rational Chebyshev
/// approximations of erfc (Math. Comp. 1969), accurate to about 1e-16 relative, including deep tails
/// where 1 - erf(x) would lose every digit.
/// </summary>
public static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;
    private const double InvSqrt2 = 0.707106781186547524400844362105;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>N(x) = erfc(-x/sqrt 2) / 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Cdf(double x) => 0.5 * Erfc(-x * InvSqrt2);

    /// <summary>N(x) and n(x) together: outside the central band both come from the same exp(-x^2/2).</summary>
    public static double CdfAndPdf(double x, out double pdf)
    {
        var z = -x * InvSqrt2;
        var y = Math.Abs(z);
        if (y <= 0.46875)
        {
            pdf = Pdf(x);
            return 0.5 * (1.0 - ErfSmall(z));
        }

        var expMinusYSquared = ExpMinusSquare(y);
        pdf = InvSqrt2Pi * expMinusYSquared;
        var tail = ErfcRational(y) * expMinusYSquared;
        return 0.5 * (z < 0 ? 2.0 - tail : tail);
    }

    public static double Erfc(double x)
    {
        var y = Math.Abs(x);
        if (y <= 0.46875)
        {
            return 1.0 - ErfSmall(x);
        }

        var result = ErfcRational(y) * ExpMinusSquare(y);
        return x < 0 ? 2.0 - result : result;
    }

    /// <summary>
    /// exp(-y^2) without losing the digits that rounding y^2 would cost in the tail: a fused multiply-add gives
    /// the rounding error e of y^2 exactly, and exp(-(y^2 + e)) = exp(-y^2) (1 - e) to double precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpMinusSquare(double y)
    {
        var square = y * y;
        var error = Math.FusedMultiplyAdd(y, y, -square);
        return Math.Exp(-square) * (1.0 - error);
    }

    /// <summary>
    /// scale N(x), given the product scale exp(-x^2/2) (which callers evaluating N at related points get from one
    /// shared exp): in the tails the exponential is not recomputed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScaledCdf(double x, double scale, double scaledExpMinusHalfSquare)
    {
        var z = -x * InvSqrt2;
        var y = Math.Abs(z);
        if (y <= 0.46875)
        {
            return scale * 0.5 * (1.0 - ErfSmall(z));
        }

        var tail = 0.5 * ErfcRational(y) * scaledExpMinusHalfSquare;
        return z < 0 ? scale - tail : tail;
    }

    /// <summary>erfc(y) / exp(-y^2) for y &gt; 0.46875 (Cody's two rational approximations).</summary>
    private static double ErfcRational(double y)
    {
        if (y <= 4.0)
        {
            var num = 2.15311535474403846e-8 * y;
            var den = y;
            num = (num + 5.64188496988670089e-1) * y; den = (den + 1.57449261107098347e1) * y;
            num = (num + 8.88314979438837594e0) * y; den = (den + 1.17693950891312499e2) * y;
            num = (num + 6.61191906371416295e1) * y; den = (den + 5.37181101862009858e2) * y;
            num = (num + 2.98635138197400131e2) * y; den = (den + 1.62138957456669019e3) * y;
            num = (num + 8.81952221241769090e2) * y; den = (den + 3.29079923573345963e3) * y;
            num = (num + 1.71204761263407058e3) * y; den = (den + 4.36261909014324716e3) * y;
            num = (num + 2.05107837782607147e3) * y; den = (den + 3.43936767414372164e3) * y;
            return (num + 1.23033935479799725e3) / (den + 1.23033935480374942e3);
        }

        if (y >= 26.543)
        {
            return 0.0;
        }

        var w = 1.0 / (y * y);
        var tailNum = 1.63153871373020978e-2 * w;
        var tailDen = w;
        tailNum = (tailNum + 3.05326634961232344e-1) * w; tailDen = (tailDen + 2.56852019228982242e0) * w;
        tailNum = (tailNum + 3.60344899949804439e-1) * w; tailDen = (tailDen + 1.87295284992346725e0) * w;
        tailNum = (tailNum + 1.25781726111229246e-1) * w; tailDen = (tailDen + 5.27905102951428412e-1) * w;
        tailNum = (tailNum + 1.60837851487422766e-2) * w; tailDen = (tailDen + 6.05183413124413191e-2) * w;
        var r = w * (tailNum + 6.58749161529837803e-4) / (tailDen + 2.33520497626869185e-3);
        return (0.564189583547756286948 - r) / y;
    }

    private static double ErfSmall(double x)
    {
        var z = Math.Abs(x) > 1.11e-16 ? x * x : 0.0;
        var num = 1.85777706184603153e-1 * z;
        var den = z;
        num = (num + 3.16112374387056560e0) * z; den = (den + 2.36012909523441209e1) * z;
        num = (num + 1.13864154151050156e2) * z; den = (den + 2.44024637934444173e2) * z;
        num = (num + 3.77485237685302021e2) * z; den = (den + 1.28261652607737228e3) * z;
        return x * (num + 3.20937758913846947e3) / (den + 2.84423683343917062e3);
    }
}
