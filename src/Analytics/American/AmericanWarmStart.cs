namespace DeltaStream.Analytics.American;

/// <summary>
/// What one option's last <see cref="AmericanImpliedVolatility.WithGreeks(OptionType, double, double, double, double, double, double, ReadOnlySpan{CashDividend}, AmericanWarmStart, double, AmericanAccuracy?)"/>
/// left for its next: the exercise boundary at its IV and its American vega. The next search starts its boundary
/// there (the boundary is a function of time to expiry alone, so a slightly shorter maturity still starts close) and
/// takes its first step with that vega. Owned by one caller; not thread-safe.
/// </summary>
public sealed class AmericanWarmStart
{
    internal ExerciseBoundary? Boundary { get; private set; }

    internal double Vega { get; private set; } = double.NaN;

    private OptionType type;
    private double rate = double.NaN;
    private double dividendYield = double.NaN;

    /// <summary>The boundary to start from, when it was left by the same kind of option in the same rates.</summary>
    internal ExerciseBoundary? For(OptionType optionType, double optionRate, double optionYield) =>
        Boundary is not null && optionType == type && optionRate == rate && optionYield == dividendYield ? Boundary : null;

    internal void Keep(OptionType optionType, double optionRate, double optionYield, ExerciseBoundary? boundary, double vega)
    {
        (type, rate, dividendYield, Boundary) = (optionType, optionRate, optionYield, boundary);
        Vega = boundary is null ? double.NaN : vega;
    }
}
