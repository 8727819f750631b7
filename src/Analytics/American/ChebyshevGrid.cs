namespace DeltaStream.Analytics.American;

/// <summary>
/// Chebyshev-Lobatto points z_i = cos(i pi / n), i = 0..n, and the cosine table that turns values at those points
/// into coefficients, shared per n.
/// </summary>
internal sealed class ChebyshevGrid
{
    private static readonly ChebyshevGrid?[] Cache = new ChebyshevGrid?[129];

    // cos(j pi / n) for j = 0..2n-1: cos(i k pi / n) is Cosines[(i k) mod 2n].
    private readonly double[] cosines;

    private ChebyshevGrid(int n)
    {
        Order = n;
        cosines = new double[2 * n];
        for (var j = 0; j < 2 * n; j++)
        {
            cosines[j] = Math.Cos(Math.PI * j / n);
        }
    }

    public int Order { get; }

    public double Point(int i) => cosines[i];

    public static ChebyshevGrid Of(int n) => Cache[n] ??= new ChebyshevGrid(n);

    /// <summary>
    /// Coefficients c_k with f(z) = sum c_k T_k(z) interpolating the values at the n + 1 points; the halved end
    /// terms of the discrete cosine transform are folded into c_0 and c_n so evaluation is a plain Clenshaw sum.
    /// </summary>
    public void Fit(ReadOnlySpan<double> values, Span<double> coefficients)
    {
        var n = Order;
        for (var k = 0; k <= n; k++)
        {
            var sum = 0.5 * (values[0] + (values[n] * cosines[(n * k) % (2 * n)]));
            for (var i = 1; i < n; i++)
            {
                sum += values[i] * cosines[(i * k) % (2 * n)];
            }

            coefficients[k] = (k == 0 || k == n ? 1.0 : 2.0) * sum / n;
        }
    }

    public static double Evaluate(ReadOnlySpan<double> coefficients, double z)
    {
        var twoZ = 2.0 * z;
        var b1 = 0.0;
        var b2 = 0.0;
        for (var k = coefficients.Length - 1; k > 0; k--)
        {
            var b0 = coefficients[k] + (twoZ * b1) - b2;
            b2 = b1;
            b1 = b0;
        }

        return coefficients[0] + (z * b1) - b2;
    }
}
