namespace DeltaStream.Analytics.American;

/// <summary>Gauss-Legendre nodes and weights on [-1, 1], computed once per order and shared.</summary>
internal sealed class GaussLegendre
{
    private static readonly GaussLegendre?[] Cache = new GaussLegendre?[257];

    private GaussLegendre(int order)
    {
        Nodes = new double[order];
        Weights = new double[order];
        for (var i = 0; i < order; i++)
        {
            // Newton on P_n from the asymptotic guess for its i-th root.
            var x = Math.Cos(Math.PI * (i + 0.75) / (order + 0.5));
            double derivative;
            double step;
            do
            {
                var previous = 1.0;
                var current = x;
                for (var k = 2; k <= order; k++)
                {
                    var next = (((2 * k) - 1) * x * current - ((k - 1) * previous)) / k;
                    previous = current;
                    current = next;
                }

                derivative = order * ((x * current) - previous) / ((x * x) - 1.0);
                step = current / derivative;
                x -= step;
            }
            while (Math.Abs(step) > 1e-15);

            Nodes[i] = x;
            Weights[i] = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
        }
    }

    public double[] Nodes { get; }

    public double[] Weights { get; }

    /// <summary>The rule of the given order (1 to 256); concurrent first calls may build it twice, harmlessly.</summary>
    public static GaussLegendre Of(int order) => Cache[order] ??= new GaussLegendre(order);
}
