using System.Runtime.CompilerServices;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary>
/// <see cref="NormalDistribution.CdfAndPdf"/> on every lane: Cody's three rational approximations of erf/erfc are all
/// evaluated and the lane's own selected, so there is no branch and one division, and the tail's exp(-y^2) carries the same FMA
/// correction as the scalar path.
/// </summary>
internal static class VectorNormal<TLanes>
    where TLanes : struct, ILanes<TLanes>
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;
    private const double InvSqrt2 = 0.707106781186547524400844362105;
    private const double Sqrt2Pi = 2.50662827463100050241576528481;

    // Neither method is inlined into its caller, for the reason given at ChainGreeks.Step.
    public static TLanes CdfAndPdf(TLanes x, out TLanes pdf)
    {
        var y = TLanes.Abs(x) * InvSqrt2;
        var u = y * y;
        var error = TLanes.FusedMultiplyAdd(y, y, -u);
        // exp(-y^2) = exp(-x^2/2): the density everywhere, and erfc's factor in the tails.
        pdf = InvSqrt2Pi * TLanes.Exp(-u) * (TLanes.One - error);
        return Cdf(x, pdf);
    }

    /// <summary>N(x) given n(x), which a caller may have from a related point without another exp.</summary>
    public static TLanes Cdf(TLanes x, TLanes pdf)
    {
        var z = -x * InvSqrt2;
        var y = TLanes.Abs(z);
        var u = y * y;

        // Each band's rational as numerator and denominator, selected before the one division.
        var central = TLanes.LessThanOrEqual(y, TLanes.Create(0.46875));
        var middle = TLanes.LessThanOrEqual(y, TLanes.Create(4.0));
        var (smallNum, smallDen) = ErfSmall(z, u);
        var (middleNum, middleDen) = ErfcMiddle(y);
        var (farNum, farDen) = ErfcFar(y, u);
        var num = TLanes.ConditionalSelect(central, smallNum, TLanes.ConditionalSelect(middle, middleNum, farNum));
        var den = TLanes.ConditionalSelect(central, smallDen, TLanes.ConditionalSelect(middle, middleDen, farDen));
        var ratio = num / den;

        var tail = TLanes.ConditionalSelect(TLanes.GreaterThanOrEqual(y, TLanes.Create(26.543)), TLanes.Zero, ratio * (Sqrt2Pi * pdf));
        var fromTail = 0.5 * TLanes.ConditionalSelect(TLanes.LessThan(z, TLanes.Zero), TLanes.Create(2.0) - tail, tail);
        var fromCentre = 0.5 * (TLanes.One - ratio);
        return TLanes.ConditionalSelect(central, fromCentre, fromTail);
    }

    /// <summary>erf(x) for |x| &lt;= 0.46875 as a numerator over a denominator; u = x^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TLanes Num, TLanes Den) ErfSmall(TLanes x, TLanes u)
    {
        var num = 1.85777706184603153e-1 * u;
        var den = u;
        num = (num + TLanes.Create(3.16112374387056560e0)) * u; den = (den + TLanes.Create(2.36012909523441209e1)) * u;
        num = (num + TLanes.Create(1.13864154151050156e2)) * u; den = (den + TLanes.Create(2.44024637934444173e2)) * u;
        num = (num + TLanes.Create(3.77485237685302021e2)) * u; den = (den + TLanes.Create(1.28261652607737228e3)) * u;
        return (x * (num + TLanes.Create(3.20937758913846947e3)), den + TLanes.Create(2.84423683343917062e3));
    }

    /// <summary>erfc(y) / exp(-y^2) for 0.46875 &lt; y &lt;= 4 as a numerator over a denominator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TLanes Num, TLanes Den) ErfcMiddle(TLanes y)
    {
        var num = 2.15311535474403846e-8 * y;
        var den = y;
        num = (num + TLanes.Create(5.64188496988670089e-1)) * y; den = (den + TLanes.Create(1.57449261107098347e1)) * y;
        num = (num + TLanes.Create(8.88314979438837594e0)) * y; den = (den + TLanes.Create(1.17693950891312499e2)) * y;
        num = (num + TLanes.Create(6.61191906371416295e1)) * y; den = (den + TLanes.Create(5.37181101862009858e2)) * y;
        num = (num + TLanes.Create(2.98635138197400131e2)) * y; den = (den + TLanes.Create(1.62138957456669019e3)) * y;
        num = (num + TLanes.Create(8.81952221241769090e2)) * y; den = (den + TLanes.Create(3.29079923573345963e3)) * y;
        num = (num + TLanes.Create(1.71204761263407058e3)) * y; den = (den + TLanes.Create(4.36261909014324716e3)) * y;
        num = (num + TLanes.Create(2.05107837782607147e3)) * y; den = (den + TLanes.Create(3.43936767414372164e3)) * y;
        return (num + TLanes.Create(1.23033935479799725e3), den + TLanes.Create(1.23033935480374942e3));
    }

    /// <summary>
    /// erfc(y) / exp(-y^2) for y &gt; 4: Cody's (c - w P(w) / Q(w)) / y in w = 1/y^2, with P and Q multiplied through
    /// by u^5 (u = y^2) so that no division is needed before the last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TLanes Num, TLanes Den) ErfcFar(TLanes y, TLanes u)
    {
        var p = 6.58749161529837803e-4 * u;
        var q = 2.33520497626869185e-3 * u;
        p = (p + TLanes.Create(1.60837851487422766e-2)) * u; q = (q + TLanes.Create(6.05183413124413191e-2)) * u;
        p = (p + TLanes.Create(1.25781726111229246e-1)) * u; q = (q + TLanes.Create(5.27905102951428412e-1)) * u;
        p = (p + TLanes.Create(3.60344899949804439e-1)) * u; q = (q + TLanes.Create(1.87295284992346725e0)) * u;
        p = (p + TLanes.Create(3.05326634961232344e-1)) * u; q = (q + TLanes.Create(2.56852019228982242e0)) * u;
        p += TLanes.Create(1.63153871373020978e-2); q += TLanes.One;
        var uq = u * q;
        return ((0.564189583547756286948 * uq) - p, uq * y);
    }
}
