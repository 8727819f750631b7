namespace DeltaStream.Analytics.Volatility;

/// <summary>
/// P. J. Acklam's rational approximation of the inverse normal CDF (relative error below 1.2e-9).
/// Used only for starting points of iterations, which then converge to full precision.
/// </summary>
internal static class InverseNormal
{
    private const double Low = 0.02425;

    public static double Cdf(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        if (p < Low)
        {
            var q = Math.Sqrt(-2.0 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2.0 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var r2 = r * r;
        return (((((((-3.969683028665376e+01 * r2) + 2.209460984245205e+02) * r2 - 2.759285104469687e+02) * r2 + 1.383577518672690e+02) * r2 - 3.066479806614716e+01) * r2) + 2.506628277459239e+00) * r
               / (((((((-5.447609879822406e+01 * r2) + 1.615858368580409e+02) * r2 - 1.556989798598866e+02) * r2 + 6.680131188771972e+01) * r2 - 1.328068155288572e+01) * r2) + 1.0);
    }

    private static double Tail(double q) =>
        ((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
        / ((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q) + 1.0);
}
