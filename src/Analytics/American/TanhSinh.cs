namespace DeltaStream.Analytics.American;

/// <summary>
/// Tanh-sinh (double-exponential) nodes on [-1, 1]. They crowd both ends, so integrands with square-root or
/// logarithmic behaviour at an end point (the boundary near expiry, the kernel near u = T) still converge
/// geometrically. Distances to the ends are stored directly: 1 - x computed as a difference would lose every digit.
/// </summary>
internal sealed class TanhSinh
{
    // Beyond |t| = 3.2 the weights are below 1e-18 of the largest, so the tails add nothing in double precision.
    private const double Half = 3.2;

    private static readonly TanhSinh?[] Cache = new TanhSinh?[257];

    private TanhSinh(int pointsPerSide)
    {
        var count = (2 * pointsPerSide) + 1;
        FromLeft = new double[count];
        FromRight = new double[count];
        Weights = new double[count];
        var h = Half / pointsPerSide;
        for (var k = -pointsPerSide; k <= pointsPerSide; k++)
        {
            var t = k * h;
            var a = 0.5 * Math.PI * Math.Sinh(t);
            var cosh = Math.Cosh(a);
            var i = k + pointsPerSide;
            // 1 - tanh(a) = e^-a / cosh(a) and 1 + tanh(a) = e^a / cosh(a), both exact in floating point.
            FromLeft[i] = Math.Exp(a) / cosh;
            FromRight[i] = Math.Exp(-a) / cosh;
            Weights[i] = h * 0.5 * Math.PI * Math.Cosh(t) / (cosh * cosh);
        }
    }

    /// <summary>1 + x for each node x.</summary>
    public double[] FromLeft { get; }

    /// <summary>1 - x for each node x.</summary>
    public double[] FromRight { get; }

    public double[] Weights { get; }

    /// <summary>The rule with 2 n + 1 nodes (n from 1 to 256); concurrent first calls may build it twice, harmlessly.</summary>
    public static TanhSinh Of(int pointsPerSide) => Cache[pointsPerSide] ??= new TanhSinh(pointsPerSide);
}
