namespace DeltaStream.Analytics.Volatility;

/// <summary>
/// Inverts the normalised Black function of an out-of-the-money call,
/// b(x, s) = e^{x/2} N(x/s + s/2) - e^{-x/2} N(x/s - s/2), x = ln(F/K) &lt;= 0, s = sigma sqrt(T),
/// for s. Below the inflection point s_c = sqrt(2|x|) it iterates on ln b, which is close to linear in
/// 1/s^2 there; above it on -ln(b_max - b), with b_max - b evaluated as a sum of positive terms so that
/// prices near the upper bound keep their digits. Householder steps of order 3 (quartic convergence) inside a
/// shrinking bracket, bisection when a step leaves it: a guarantee of termination.
/// </summary>
internal static class NormalisedBlackSolver
{
    private const int MaxIterations = 100;

    /// <summary>Quartic convergence: after a relative step below this the next iterate is exact to double precision.</summary>
    private const double StopStep = 1e-4;
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;
    private const double Sqrt3 = 1.73205080756887729352744634151;
    private const double Sqrt27Over2Pi = 0.826993343132688016869620443369;

    /// <param name="guess">A starting s (such as the previous root); NaN for none.</param>
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

        var invExpHalfX = 1.0 / expHalfX;
        var sc = Math.Sqrt(2.0 * Math.Abs(x));
        double lo = 0.0, hi = double.PositiveInfinity, s, sl, su;
        if (guess > 0 && double.IsFinite(guess))
        {
            // Close to the root any objective converges; the logarithms on either side of s_c spare evaluating b_c.
            s = guess;
            sl = sc;
            su = sc;
        }
        else
        {
            // b has its inflection at s_c, where x/s + s/2 = 0: b_c = e^{x/2} / 2 - e^{-x/2} N(-s_c), b'(s_c) =
            // e^{x/2} / sqrt(2 pi). Its tangent there is exact to second order and reaches 0 at s_l and b_max at
            // s_u; between them b is iterated directly, outside on the logarithms that straighten its tails.
            var bc = sc > 0 ? (0.5 * expHalfX) - (invExpHalfX * NormalDistribution.Cdf(-sc)) : 0.0;
            var vegaC = InvSqrt2Pi * expHalfX;
            sl = sc - (bc / vegaC);
            su = sc + ((expHalfX - bc) / vegaC);
            if (beta < bc)
            {
                hi = sc;
                var bl = sl > 0 ? Price(x, sl, expHalfX, invExpHalfX) : 0.0;
                s = beta < bl ? LowerAsymptoteInverse(x, beta) : InverseCubic(beta, bc, sc, vegaC, bl, sl);
            }
            else
            {
                lo = sc;
                var bu = Price(x, su, expHalfX, invExpHalfX);
                if (beta < bu)
                {
                    s = InverseCubic(beta, bc, sc, vegaC, bu, su);
                }
                else
                {
                    // For large s, b_max - b ~ 2 cosh(x/2) N(-s/2).
                    var p = upperTarget / (expHalfX + invExpHalfX);
                    s = Math.Max(-2.0 * InverseNormal.Cdf(Math.Min(p, 0.5)), sc);
                }
            }
        }

        double logBeta = double.NaN, logUpperTarget = double.NaN;
        for (var i = 0; i < MaxIterations; i++)
        {
            if (!(s > lo && s < hi))
            {
                s = double.IsPositiveInfinity(hi) ? Math.Max(2.0 * lo, 1.0) : 0.5 * (lo + hi);
            }

            var h = x / s;
            var t = 0.5 * s;
            var h2 = h * h;
            var density = Density(h, t);
            var below = NormalDistribution.ScaledCdf(h - t, invExpHalfX, density);
            var vega = InvSqrt2Pi * density;
            // b''/b', its derivative in s, and b'''/b'.
            var curvature = (h2 / s) - (0.25 * s);
            var curvatureSlope = (-3.0 * h2 / (s * s)) - 0.25;
            var cubic = (curvature * curvature) + curvatureSlope;
            double f, g, d2, d3;
            if (s > su)
            {
                var u = NormalDistribution.ScaledCdf(-h - t, expHalfX, density) + below;
                if (double.IsNaN(logUpperTarget))
                {
                    logUpperTarget = Math.Log(upperTarget);
                }

                f = logUpperTarget - Math.Log(u);
                g = vega / u;
                d2 = curvature + g;
                d3 = cubic + (3.0 * g * curvature) + (2.0 * g * g);
            }
            else
            {
                var b = NormalDistribution.ScaledCdf(h + t, expHalfX, density) - below;
                if (!(b > 0))
                {
                    lo = s;
                    s = 0.5 * (lo + hi);
                    continue;
                }

                if (s < sl)
                {
                    if (double.IsNaN(logBeta))
                    {
                        logBeta = Math.Log(beta);
                    }

                    f = Math.Log(b) - logBeta;
                    g = vega / b;
                    d2 = curvature - g;
                    d3 = cubic - (3.0 * g * curvature) + (2.0 * g * g);
                }
                else
                {
                    f = b - beta;
                    g = vega;
                    d2 = curvature;
                    d3 = cubic;
                }
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

            // Householder(3) with nu = -f/f', d2 = f''/f', d3 = f'''/f'; Newton when its correction is not small.
            var newton = -f / g;
            var factor = (1.0 + (0.5 * d2 * newton)) / (1.0 + (newton * (d2 + (d3 * newton / 6.0))));
            var step = factor > 0.5 && factor < 2.0 ? newton * factor : newton;
            var next = s + step;
            if (Math.Abs(step) <= StopStep * s)
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

    /// <summary>
    /// Inverse of (2 pi |x| / sqrt 27) N(-|x| / (sqrt 3 s))^3, which shares the leading term of b's expansion for
    /// small s, e^{-x^2 / (2 s^2)} s^3 / (sqrt(2 pi) x^2).
    /// </summary>
    private static double LowerAsymptoteInverse(double x, double beta)
    {
        var z = InverseNormal.Cdf(Math.Cbrt(Sqrt27Over2Pi * beta / Math.Abs(x)));
        return Math.Abs(x) / (-Sqrt3 * z);
    }

    /// <summary>
    /// s(b) near the inflection point: the tangent at (b_c, s_c), where s'' = 0 because b'' = 0, plus the cubic
    /// term that makes it pass through (b_e, s_e).
    /// </summary>
    private static double InverseCubic(double beta, double bc, double sc, double vegaC, double be, double se)
    {
        var db = be - bc;
        var cubic = (se - sc - (db / vegaC)) / (db * db * db);
        var d = beta - bc;
        return sc + (d / vegaC) + (cubic * d * d * d);
    }

    /// <summary>b(x, s) for x &lt;= 0.</summary>
    private static double Price(double x, double s, double expHalfX, double invExpHalfX)
    {
        var h = x / s;
        var t = 0.5 * s;
        var density = Density(h, t);
        return NormalDistribution.ScaledCdf(h + t, expHalfX, density) - NormalDistribution.ScaledCdf(h - t, invExpHalfX, density);
    }

    /// <summary>
    /// exp(-(h^2 + t^2) / 2) = e^{+-x/2} exp(-(h +- t)^2 / 2) with h t = x/2: one exponential serves both normal tails
    /// of b and its vega. The rounding errors of h^2, t^2 and their sum are carried into a first-order correction.
    /// </summary>
    private static double Density(double h, double t)
    {
        var h2 = h * h;
        var t2 = t * t;
        var q = h2 + t2;
        var qt = q - h2;
        var roundoff = Math.FusedMultiplyAdd(h, h, -h2) + Math.FusedMultiplyAdd(t, t, -t2) + (h2 - (q - qt)) + (t2 - qt);
        return Math.Exp(-0.5 * q) * (1.0 - (0.5 * roundoff));
    }
}
