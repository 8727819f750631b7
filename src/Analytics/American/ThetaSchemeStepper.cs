namespace DeltaStream.Analytics.American;

/// <summary>
/// Time steps of dV/dtau = (1/2) v^2 S^2 V_SS + (r - q) S V_S - r V on a <see cref="SpotGrid"/>: Crank-Nicolson, or
/// implicit Euler for the Rannacher start. S = 0 keeps only -r V (the equation degenerates there); the top node
/// assumes V_SS = 0. Early exercise is the linear complementarity problem V &gt;= payoff, solved exactly per step by
/// the Forsyth-Vetzal penalty iteration, which does not assume where the exercise region lies.
/// </summary>
internal sealed class ThetaSchemeStepper
{
    // Large against the unit diagonal yet far from overflow: V = payoff to about 1e-10 relative where exercised.
    private const double Penalty = 1e10;
    private const int MaxPenaltyIterations = 50;

    private readonly double[] lower;
    private readonly double[] centre;
    private readonly double[] upper;
    private readonly double[] rhs;
    private readonly double[] diagonal;
    private readonly double[] scratch;
    private readonly double[] solution;
    private readonly bool[] exercised;

    public ThetaSchemeStepper(SpotGrid grid, double rate, double dividendYield, double volatility)
    {
        var s = grid.Nodes;
        var n = s.Length;
        lower = new double[n];
        centre = new double[n];
        upper = new double[n];
        rhs = new double[n];
        diagonal = new double[n];
        scratch = new double[n];
        solution = new double[n];
        exercised = new bool[n];
        centre[0] = -rate;
        for (var j = 1; j < n - 1; j++)
        {
            var hm = s[j] - s[j - 1];
            var hp = s[j + 1] - s[j];
            var diffusion = 0.5 * volatility * volatility * s[j] * s[j];
            var drift = (rate - dividendYield) * s[j];
            lower[j] = ((2.0 * diffusion) - (drift * hp)) / (hm * (hm + hp));
            centre[j] = (((hp - hm) * drift) - (2.0 * diffusion)) / (hm * hp) - rate;
            upper[j] = ((2.0 * diffusion) + (drift * hm)) / (hp * (hm + hp));
        }

        var top = n - 1;
        var slope = (rate - dividendYield) * s[top] / (s[top] - s[top - 1]);
        lower[top] = -slope;
        centre[top] = slope - rate;
    }

    /// <summary>One step of length dt: theta = 0.5 is Crank-Nicolson, 1 implicit Euler.</summary>
    public void Step(double[] values, double dt, double theta, double[] payoff, bool american)
    {
        var n = values.Length;
        var explicitPart = (1.0 - theta) * dt;
        for (var j = 0; j < n; j++)
        {
            var operatorValue = centre[j] * values[j];
            if (j > 0)
            {
                operatorValue += lower[j] * values[j - 1];
            }

            if (j < n - 1)
            {
                operatorValue += upper[j] * values[j + 1];
            }

            rhs[j] = values[j] + (explicitPart * operatorValue);
            exercised[j] = american && values[j] <= payoff[j];
        }

        for (var iteration = 0; iteration < MaxPenaltyIterations; iteration++)
        {
            Solve(theta * dt, payoff);
            if (!american)
            {
                break;
            }

            var changed = false;
            for (var j = 0; j < n; j++)
            {
                var active = solution[j] < payoff[j];
                changed |= active != exercised[j];
                exercised[j] = active;
            }

            if (!changed)
            {
                break;
            }
        }

        Array.Copy(solution, values, n);
    }

    /// <summary>Thomas algorithm on (I - w L + P) V = rhs + P payoff, P the penalty on exercised nodes.</summary>
    private void Solve(double implicitWeight, double[] payoff)
    {
        var n = rhs.Length;
        for (var j = 0; j < n; j++)
        {
            var penalty = exercised[j] ? Penalty : 0.0;
            var a = -implicitWeight * lower[j];
            var b = 1.0 - (implicitWeight * centre[j]) + penalty;
            var d = rhs[j] + (penalty * payoff[j]);
            if (j > 0)
            {
                var factor = a / diagonal[j - 1];
                b -= factor * (-implicitWeight * upper[j - 1]);
                d -= factor * scratch[j - 1];
            }

            diagonal[j] = b;
            scratch[j] = d;
        }

        solution[n - 1] = scratch[n - 1] / diagonal[n - 1];
        for (var j = n - 2; j >= 0; j--)
        {
            solution[j] = (scratch[j] + (implicitWeight * upper[j] * solution[j + 1])) / diagonal[j];
        }
    }
}
