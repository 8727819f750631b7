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

    public static double Erfc(double x)
    {
        var y = Math.Abs(x);
        double result;
        if (y <= 0.46875)
        {
            return 1.0 - ErfSmall(x);
        }

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
            result = (num + 1.23033935479799725e3) / (den + 1.23033935480374942e3);
        }
        else if (y >= 26.543)
        {
            result = 0.0;
        }
        else
        {
            var z = 1.0 / (y * y);
            var num = 1.63153871373020978e-2 * z;
            var den = z;
            num = (num + 3.05326634961232344e-1) * z; den = (den + 2.56852019228982242e0) * z;
            num = (num + 3.60344899949804439e-1) * z; den = (den + 1.87295284992346725e0) * z;
            num = (num + 1.25781726111229246e-1) * z; den = (den + 5.27905102951428412e-1) * z;
            num = (num + 1.60837851487422766e-2) * z; den = (den + 6.05183413124413191e-2) * z;
            result = z * (num + 6.58749161529837803e-4) / (den + 2.33520497626869185e-3);
            result = (0.564189583547756286948 - result) / y;
        }

        if (result != 0.0)
        {
            // exp(-y^2) split so that the rounding of y^2 does not cost digits in the tail.
            var yHi = Math.Truncate(y * 16.0) / 16.0;
            var del = (y - yHi) * (y + yHi);
            result *= Math.Exp(-yHi * yHi) * Math.Exp(-del);
        }

        return x < 0 ? 2.0 - result : result;
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
