namespace DeltaStream.Analytics.Volatility;

/// <summary>
/// Inverts the normalised Black function of an out-of-the-money call,
/// b(x, s) = e^{x/2} N(x/s + s/2) - e^{-x/2} N(x/s - s/2), x = ln(F/K) &lt;= 0, s = sigma sqrt(T),
/// for s. Below the inflection point s_c = sqrt(2|x|) it iterates on ln b, which is close to linear in
/// 1/s^2 there; above it on -ln(b_max - b), with b_max - b evaluated as a sum of positive terms so that
/// prices near the upper bound keep their digits. Halley steps inside a shrinking bracket, bisection
/// when a step leaves it: quadratic-or-better convergence with a guarantee of termination.
/// </summary>
internal static class NormalisedBlackSolver
{
    private const int MaxIterations = 100;
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;

    /// <param name="guess">A starting s (such as the previous root), used when it lies on the root's side of the
    /// inflection point; NaN for none.</param>
    /// <returns>s &gt; 0; 0 when the price carries no time value; +inf when it is at or above e^{x/2}.</returns>
    public static double Solve(double x, double beta, double guess = double.NaN)
    {
        if (!(beta > 0))
        {
            return 0.0;
        }

        var expHalfX = Math.Exp(0.5 * x);
        var upperTarget = expHalfX - beta;
        if (!(upperTarget > 0))
        {
            return double.PositiveInfinity;
        }

        var sc = Math.Sqrt(2.0 * Math.Abs(x));
        var bc = sc > 0 ? Price(x, sc, expHalfX) : 0.0;
        var lowerBranch = beta < bc;
        var (lo, hi) = lowerBranch ? (0.0, sc) : (sc, double.PositiveInfinity);
        double s;
        if (guess > lo && guess < hi)
        {
            s = guess;
        }
        else if (lowerBranch)
        {
            // ln b ~ -x^2 / (2 s^2) for small s: match it at s_c and at the target.
            s = Math.Abs(x) / Math.Sqrt((-2.0 * Math.Log(beta / bc)) + (x * x / (sc * sc)));
        }
        else
        {
            // For large s, b_max - b ~ 2 cosh(x/2) N(-s/2).
            var p = upperTarget / (expHalfX + (1.0 / expHalfX));
            s = Math.Max(-2.0 * InverseNormal.Cdf(Math.Min(p, 0.5)), sc);
        }

        var logTarget = lowerBranch ? Math.Log(beta) : -Math.Log(upperTarget);
        for (var i = 0; i < MaxIterations; i++)
        {
            if (!(s > lo && s < hi))
            {
                s = double.IsPositiveInfinity(hi) ? Math.Max(2.0 * lo, 1.0) : 0.5 * (lo + hi);
            }

            var h = x / s;
            var t = 0.5 * s;
            var vega = InvSqrt2Pi * Math.Exp(-0.5 * ((h * h) + (t * t)));
            var curvature = (x * x / (s * s * s)) - (0.25 * s);
            double f, d1, d2;
            if (lowerBranch)
            {
                var b = Price(x, s, expHalfX);
                if (!(b > 0))
                {
                    lo = s;
                    s = 0.5 * (lo + hi);
                    continue;
                }

                f = Math.Log(b) - logTarget;
                var g = vega / b;
                d1 = g;
                d2 = (g * curvature) - (g * g);
            }
            else
            {
                var u = (expHalfX * NormalDistribution.Cdf(-h - t)) + (NormalDistribution.Cdf(h - t) / expHalfX);
                f = -Math.Log(u) - logTarget;
                var g = vega / u;
                d1 = g;
                d2 = (g * curvature) + (g * g);
            }

            if (f == 0.0)
            {
                return s;
            }

            if (f < 0)
            {
                lo = s;
            }
            else
            {
                hi = s;
            }

            var newton = -f / d1;
            var halleyDenominator = 1.0 + (0.5 * newton * d2 / d1);
            var step = halleyDenominator > 0.5 ? newton / halleyDenominator : newton;
            var next = s + step;
            // Convergence is cubic (quadratic at worst): after a step below 1e-8 relative the new iterate is
            // exact to double precision, so it is the answer.
            if (Math.Abs(step) <= 1e-8 * s)
            {
                return next > lo && next < hi ? next : s;
            }

            if (hi - lo <= 4.4e-16 * s)
            {
                return s;
            }

            s = next;
        }

        return s;
    }

    /// <summary>b(x, s) for x &lt;= 0, given e^{x/2} (fixed for the whole solve).</summary>
    public static double Price(double x, double s, double expHalfX)
    {
        var h = x / s;
        var t = 0.5 * s;
        return (expHalfX * NormalDistribution.Cdf(h + t)) - (NormalDistribution.Cdf(h - t) / expHalfX);
    }
}
