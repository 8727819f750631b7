using System.Buffers;

namespace DeltaStream.Analytics.American;

/// <summary>
/// Early-exercise boundary B(tau) of an American put with unit strike (Andersen, Lake and Offengenden 2016), as a
/// function of time to expiry tau, for r &gt; 0, or r = 0 with q &lt; 0: the cases where the exercise region is
/// (0, B(tau)]. It is stored as H(sqrt tau) = ln(B / X)^2, X = B(0+) = min(1, r / q), a Chebyshev interpolant on
/// [0, sqrt T]: the square root and the squared logarithm make the boundary's sqrt(tau ln tau) start smooth.
/// </summary>
internal sealed class ExerciseBoundary
{
    private readonly double rate;
    private readonly double dividendYield;
    private readonly double volatility;
    private readonly double maturity;
    private readonly double sqrtMaturity;
    private readonly double logLimit;
    private readonly double[] coefficients;

    // H at the Chebyshev nodes, kept to start a solve for nearby inputs.
    private readonly double[] nodeValues;

    private ExerciseBoundary(double rate, double dividendYield, double volatility, double maturity, int nodes)
    {
        this.rate = rate;
        this.dividendYield = dividendYield;
        this.volatility = volatility;
        this.maturity = maturity;
        sqrtMaturity = Math.Sqrt(maturity);
        Limit = dividendYield > rate ? rate / dividendYield : 1.0;
        logLimit = Math.Log(Limit);
        coefficients = new double[nodes + 1];
        nodeValues = new double[nodes + 1];
    }

    /// <summary>B(0+), the boundary right before expiry.</summary>
    public double Limit { get; }

    /// <summary>B(T), the boundary today: spots at or below it are exercised now.</summary>
    public double Today => Math.Exp(LogAt(maturity));

    /// <summary>
    /// Solves the boundary with a fixed number of FP-B iterations, each a Jacobi-Newton step per node, from a
    /// closed-form first guess or from a boundary solved for nearby inputs with the same maturity and nodes. The
    /// iteration count is fixed rather than tolerance-driven so the result is a smooth function of the inputs, which
    /// differences of it (vega, rho) rely on.
    /// </summary>
    public static ExerciseBoundary Solve(double rate, double dividendYield, double volatility, double maturity, AmericanAccuracy accuracy, ExerciseBoundary? start = null, int? iterations = null)
    {
        var boundary = new ExerciseBoundary(rate, dividendYield, volatility, maturity, accuracy.ChebyshevNodes);
        var usable = start is not null && start.Continues(maturity, accuracy);
        boundary.Iterate(accuracy, usable ? start : null, iterations ?? accuracy.FixedPointIterations);
        return boundary;
    }

    /// <summary>
    /// Whether a solve with these nodes and this maturity can start from this boundary: the same nodes, and a maturity
    /// within 5% (the boundary is a function of time to expiry alone, so the nodes then sit at nearly the same times).
    /// </summary>
    public bool Continues(double otherMaturity, AmericanAccuracy accuracy) =>
        nodeValues.Length == accuracy.ChebyshevNodes + 1 && Math.Abs(otherMaturity - maturity) <= 0.05 * maturity;

    public double LogAt(double tau)
    {
        var z = (2.0 * Math.Sqrt(tau) / sqrtMaturity) - 1.0;
        var h = ChebyshevGrid.Evaluate(coefficients, z);
        return logLimit - Math.Sqrt(Math.Max(h, 0.0));
    }

    /// <summary>
    /// Early-exercise premium of the unit-strike put at spot x:
    /// integral over u in [0, T] of r e^{-r(T-u)} N(-d-(T-u, x/B(u))) - q x e^{-q(T-u)} N(-d+(T-u, x/B(u))), by tanh-sinh.
    /// </summary>
    public double Premium(double spot, int pointsPerSide)
    {
        var rule = TanhSinh.Of(pointsPerSide);
        var logSpot = Math.Log(spot);
        var halfVariance = 0.5 * volatility * volatility;
        var sum = 0.0;
        for (var k = 0; k < rule.Weights.Length; k++)
        {
            var u = 0.5 * maturity * rule.FromLeft[k];
            var s = 0.5 * maturity * rule.FromRight[k];
            var volSqrtS = volatility * Math.Sqrt(s);
            var dMinus = (logSpot - LogAt(u) + ((rate - dividendYield - halfVariance) * s)) / volSqrtS;
            var dPlus = dMinus + volSqrtS;
            var value = (rate * Math.Exp(-rate * s) * NormalDistribution.Cdf(-dMinus))
                        - (dividendYield * spot * Math.Exp(-dividendYield * s) * NormalDistribution.Cdf(-dPlus));
            sum += rule.Weights[k] * value;
        }

        return 0.5 * maturity * sum;
    }

    private void Iterate(AmericanAccuracy accuracy, ExerciseBoundary? start, int iterations)
    {
        var n = accuracy.ChebyshevNodes;
        var grid = ChebyshevGrid.Of(n);
        Span<double> h = nodeValues;
        // ln(B / X) scales roughly with volatility near expiry, so a nearby solution starts rescaled by the variance.
        var scale = start is null ? 0.0 : volatility * volatility / (start.volatility * start.volatility);
        for (var i = 0; i <= n; i++)
        {
            var x = 0.5 * sqrtMaturity * (1.0 + grid.Point(i));
            var log = start is null ? Math.Log(FirstGuess(x * x) / Limit) : 0.0;
            h[i] = start is null ? log * log : scale * start.nodeValues[i];
        }

        var rule = GaussLegendre.Of(accuracy.BoundaryQuadraturePoints);
        var l = rule.Nodes.Length;
        // Everything but the boundary itself is the same in every iteration: computed once per node and point.
        var table = ArrayPool<double>.Shared.Rent(6 * n * l);
        try
        {
            Tabulate(grid, rule, table.AsSpan(0, 6 * n * l));
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                grid.Fit(h, coefficients);
                for (var i = 0; i < n; i++)
                {
                    var x = 0.5 * sqrtMaturity * (1.0 + grid.Point(i));
                    var logBoundary = logLimit - Math.Sqrt(h[i]);
                    var (image, slope) = FixedPointStep(x * x, logBoundary, table.AsSpan(6 * i * l, 6 * l));
                    // Newton on b - ln f(b) = 0 at this node (Jacobi-Newton); the plain fixed-point step where the
                    // Newton denominator is too close to zero to trust.
                    var newton = 1.0 - slope;
                    var next = newton > 0.2 ? logBoundary - ((logBoundary - image) / newton) : image;
                    var log = Math.Min(next - logLimit, 0.0);
                    // Jacobi: node n (tau = 0, H = 0) never changes and the others read the previous fit only.
                    h[i] = log * log;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(table);
        }

        grid.Fit(h, coefficients);
    }

    /// <summary>
    /// Per node tau_i and quadrature point, for u = tau sin^2(theta), tau - u = tau cos^2(theta), theta = pi/4 (1 + y):
    /// the Chebyshev argument of sqrt(u), the drift and v sqrt(tau - u) of d-, and the three integrand weights.
    /// The substitution makes both ends smooth: sqrt(u), where the boundary is interpolated, and sqrt(tau - u), whose
    /// reciprocal the smooth-pasting kernels carry, are sin and cos.
    /// </summary>
    private void Tabulate(ChebyshevGrid grid, GaussLegendre rule, Span<double> table)
    {
        var l = rule.Nodes.Length;
        var n = grid.Order;
        var driftRate = rate - dividendYield - (0.5 * volatility * volatility);
        for (var i = 0; i < n; i++)
        {
            var sqrtTau = 0.5 * sqrtMaturity * (1.0 + grid.Point(i));
            var tau = sqrtTau * sqrtTau;
            for (var k = 0; k < l; k++)
            {
                var theta = 0.25 * Math.PI * (1.0 + rule.Nodes[k]);
                var sin = Math.Sin(theta);
                var cos = Math.Cos(theta);
                var u = tau * sin * sin;
                var s = tau * cos * cos;
                var weight = 0.25 * Math.PI * rule.Weights[k];
                // du / (v sqrt(tau - u)) = 2 sqrt(tau) sin(theta) / v dtheta; du = 2 tau sin cos dtheta.
                var kernel = weight * 2.0 * sqrtTau * sin / volatility;
                var row = table.Slice(6 * ((i * l) + k), 6);
                row[0] = (2.0 * sqrtTau * sin / sqrtMaturity) - 1.0;
                row[1] = driftRate * s;
                row[2] = volatility * sqrtTau * cos;
                row[3] = rate * Math.Exp(rate * u) * kernel;
                row[4] = dividendYield * Math.Exp(dividendYield * u) * kernel;
                row[5] = dividendYield * Math.Exp(dividendYield * u) * weight * 2.0 * tau * sin * cos;
            }
        }
    }

    /// <summary>
    /// One FP-B step at tau: B = e^{-(r-q) tau} N / D with the smooth-pasting numerator and denominator
    /// N = n(d-(tau, B)) / (v sqrt tau) + r int_0^tau e^{ru} n(d-(tau-u, B(tau)/B(u))) / (v sqrt(tau-u)) du,
    /// D = n(d+(tau, B)) / (v sqrt tau) + N(d+(tau, B)) + q int_0^tau e^{qu} [n(d+) / (v sqrt(tau-u)) + N(d+)] du,
    /// over the node's rows of <see cref="Tabulate"/>. Returns ln f and its slope in b = ln B(tau) through the terms
    /// outside the integrals only: the integrals see B(tau) / B(u), which barely moves when the whole boundary moves,
    /// and holding B(u) fixed there overstates the slope (measured: it slows convergence instead of speeding it).
    /// </summary>
    private (double LogImage, double Slope) FixedPointStep(double tau, double logBoundary, ReadOnlySpan<double> rows)
    {
        double numerator = 0, denominator = 0;
        for (var k = 0; k < rows.Length; k += 6)
        {
            var logBefore = logLimit - Math.Sqrt(Math.Max(ChebyshevGrid.Evaluate(coefficients, rows[k]), 0.0));
            var volSqrtS = rows[k + 2];
            var dMinus = (logBoundary - logBefore + rows[k + 1]) / volSqrtS;
            var cdfPlus = NormalDistribution.CdfAndPdf(dMinus + volSqrtS, out var pdfPlus);
            numerator += rows[k + 3] * NormalDistribution.Pdf(dMinus);
            denominator += (rows[k + 4] * pdfPlus) + (rows[k + 5] * cdfPlus);
        }

        var volSqrtTau = volatility * Math.Sqrt(tau);
        var d0Minus = (logBoundary + ((rate - dividendYield - (0.5 * volatility * volatility)) * tau)) / volSqrtTau;
        var d0Plus = d0Minus + volSqrtTau;
        var d0Cdf = NormalDistribution.CdfAndPdf(d0Plus, out var d0Pdf);
        var d0PdfMinus = NormalDistribution.Pdf(d0Minus) / volSqrtTau;
        numerator += d0PdfMinus;
        denominator += (d0Pdf / volSqrtTau) + d0Cdf;
        var numeratorSlope = -d0PdfMinus * d0Minus / volSqrtTau;
        var denominatorSlope = (d0Pdf - (d0Pdf * d0Plus / volSqrtTau)) / volSqrtTau;
        var logImage = Math.Log(numerator / denominator) - ((rate - dividendYield) * tau);
        return (logImage, (numeratorSlope / numerator) - (denominatorSlope / denominator));
    }

    /// <summary>
    /// Bjerksund-Stensland (1993) flat trigger of the symmetric call (strike 1, rate q, yield r), inverted: a cheap
    /// start that is already within a few percent, so a handful of fixed-point steps reach full accuracy.
    /// </summary>
    private double FirstGuess(double tau)
    {
        if (tau <= 0)
        {
            return Limit;
        }

        var variance = volatility * volatility;
        var carry = dividendYield - rate;
        var a = (carry / variance) - 0.5;
        var beta = -a + Math.Sqrt((a * a) + (2.0 * dividendYield / variance));
        var callStart = 1.0 / Limit;
        var callPerpetual = beta / (beta - 1.0);
        var exponent = -((carry * tau) + (2.0 * volatility * Math.Sqrt(tau))) * callStart / (callPerpetual - callStart);
        var call = callStart + ((callPerpetual - callStart) * (1.0 - Math.Exp(exponent)));
        var guess = 1.0 / call;
        return double.IsFinite(guess) && guess > 0 ? Math.Min(guess, Limit) : Limit * Math.Exp(-volatility * Math.Sqrt(tau));
    }
}
