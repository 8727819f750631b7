namespace DeltaStream.Analytics.American;

/// <summary>
/// Spot nodes S_j = K + c sinh(xi_j) on a uniform xi grid from S = 0 up to about the requested top: dense around
/// the strike, which is a node, and coarse far away. A grid refined by an integer factor contains every node of the
/// coarse one, which keeps Richardson extrapolation between the two clean.
/// </summary>
internal sealed class SpotGrid
{
    public SpotGrid(double strike, double top, double concentration, int baseSteps, int refinement)
    {
        var bottom = Math.Asinh(-strike / concentration);
        var span = Math.Asinh((top - strike) / concentration) - bottom;
        // Whole coarse steps below the strike, so the strike is a node at every refinement.
        var belowStrike = Math.Max(2, (int)Math.Round(baseSteps * -bottom / span));
        var step = -bottom / belowStrike / refinement;
        var count = (baseSteps * refinement) + 1;
        Nodes = new double[count];
        for (var j = 0; j < count; j++)
        {
            Nodes[j] = strike + (concentration * Math.Sinh(bottom + (j * step)));
        }

        Nodes[0] = 0.0;
        Nodes[belowStrike * refinement] = strike;
    }

    public double[] Nodes { get; }

    /// <summary>
    /// Value, first and second derivative at s of the cubic through the four nodes around it
    /// (errors of order h^4, h^3 and h^2). Points beyond the grid use its end cells.
    /// </summary>
    public (double Value, double Slope, double Curvature) Interpolate(ReadOnlySpan<double> values, double s)
    {
        var index = Array.BinarySearch(Nodes, s);
        var cell = index >= 0 ? index : ~index - 1;
        var first = Math.Clamp(cell - 1, 0, Nodes.Length - 4);
        Span<double> offsets = stackalloc double[4];
        for (var i = 0; i < 4; i++)
        {
            offsets[i] = s - Nodes[first + i];
        }

        double value = 0, slope = 0, curvature = 0;
        for (var i = 0; i < 4; i++)
        {
            // Lagrange basis l_i = a b c / prod(x_i - x_m) with a, b, c the other three offsets:
            // l_i' = (ab + ac + bc) / prod and l_i'' = 2 (a + b + c) / prod.
            double denominator = 1, a = 0, b = 0, c = 0;
            var found = 0;
            for (var m = 0; m < 4; m++)
            {
                if (m == i)
                {
                    continue;
                }

                denominator *= Nodes[first + i] - Nodes[first + m];
                switch (found++)
                {
                    case 0: a = offsets[m]; break;
                    case 1: b = offsets[m]; break;
                    default: c = offsets[m]; break;
                }
            }

            var weight = values[first + i] / denominator;
            value += weight * a * b * c;
            slope += weight * ((a * b) + (a * c) + (b * c));
            curvature += weight * 2.0 * (a + b + c);
        }

        return (value, slope, curvature);
    }
}
