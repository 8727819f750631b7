namespace DeltaStream.Analytics.American;

/// <summary>
/// An option restated as a unit-strike put through homogeneity and McDonald-Schroder symmetry:
/// put(S, K, r, q) = K p(S/K; r, q) and call(S, K, r, q) = put(K, S, q, r) = S p(K/S; q, r).
/// </summary>
internal readonly record struct PutFrame(bool IsCall, double Moneyness, double Scale, double Rate, double Yield)
{
    public ExerciseRegime Regime => RegimeOf(Rate, Yield);

    public static PutFrame Of(OptionType type, double spot, double strike, double rate, double dividendYield) =>
        type == OptionType.Call
            ? new PutFrame(true, strike / spot, spot, dividendYield, rate)
            : new PutFrame(false, spot / strike, strike, rate, dividendYield);

    public static ExerciseRegime RegimeOf(double rate, double dividendYield) =>
        rate > 0 || (rate == 0 && dividendYield < 0) ? ExerciseRegime.Below
        : dividendYield >= rate ? ExerciseRegime.Never
        : ExerciseRegime.Between;

    /// <summary>dV/dS of the original option from p and dp/dx of the unit put at x = Moneyness.</summary>
    public double Delta(double premium, double slope) => IsCall ? premium - (Moneyness * slope) : slope;

    /// <summary>d2V/dS2 of the original option from d2p/dx2 of the unit put.</summary>
    public double Gamma(double curvature, double spot) =>
        IsCall ? Moneyness * Moneyness * curvature / spot : curvature / Scale;
}
