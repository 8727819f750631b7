namespace DeltaStream.Analytics.Chain;

/// <summary>
/// Net dealer gamma exposure of a set of options as a function of the underlying level, for the gamma-flip search.
/// Each option's constants are computed once, so a level costs one logarithm plus one exponential per option:
/// GEX_i(S) = w_i S n(d1_i(S)), d1_i = ln S / (sigma_i sqrt T) + a_i, w_i = +/-OI x multiplier x 1% x e^-qT / (sigma_i sqrt T).
/// Reused between recomputes: <see cref="Reset"/> keeps the buffers.
/// </summary>
public sealed class GammaProfile
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;
    private double[] inverseWidth = new double[64];
    private double[] offset = new double[64];
    private double[] weight = new double[64];
    private double time, rate, carryYield, multiplier;

    public int Count { get; private set; }

    /// <param name="carryYield">The dividend yield under BSM; the rate under Black-76 (Greeks against the forward).</param>
    public void Reset(double time, double rate, double carryYield, double multiplier)
    {
        (this.time, this.rate, this.carryYield, this.multiplier) = (time, rate, carryYield, multiplier);
        Count = 0;
    }

    /// <summary>Adds a call (dealers long) or a put (dealers short); options without a positive IV or OI add nothing.</summary>
    public void Add(double strike, double volatility, double openInterest, OptionType type)
    {
        if (!(volatility > 0) || !(openInterest > 0) || !(time > 0) || !(strike > 0))
        {
            return;
        }

        if (Count == weight.Length)
        {
            Array.Resize(ref inverseWidth, 2 * Count);
            Array.Resize(ref offset, 2 * Count);
            Array.Resize(ref weight, 2 * Count);
        }

        var width = volatility * Math.Sqrt(time);
        inverseWidth[Count] = 1.0 / width;
        offset[Count] = ((-Math.Log(strike)) + ((rate - carryYield + (0.5 * volatility * volatility)) * time)) / width;
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        weight[Count] = sign * openInterest * multiplier * 0.01 * Math.Exp(-carryYield * time) * InvSqrt2Pi / width;
        Count++;
    }

    /// <summary>Net GEX if the underlying were at <paramref name="level"/>; NaN when the profile is empty.</summary>
    public double NetGexAt(double level)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var logLevel = Math.Log(level);
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var d1 = (logLevel * inverseWidth[i]) + offset[i];
            sum += weight[i] * Math.Exp(-0.5 * d1 * d1);
        }

        return sum * level;
    }
}
