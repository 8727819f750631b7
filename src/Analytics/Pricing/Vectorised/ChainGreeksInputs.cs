namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary>
/// A chain of European options in structure-of-arrays form for <see cref="ChainGreeksKernel"/>: element i of every
/// span is option i. Each input must be finite with spot, strike, time and volatility positive, as for
/// <see cref="BlackScholesMerton"/>.
/// </summary>
public readonly ref struct ChainGreeksInputs
{
    public required ReadOnlySpan<OptionType> Type { get; init; }

    public required ReadOnlySpan<double> Spot { get; init; }

    public required ReadOnlySpan<double> Strike { get; init; }

    public required ReadOnlySpan<double> Time { get; init; }

    public required ReadOnlySpan<double> Rate { get; init; }

    public required ReadOnlySpan<double> DividendYield { get; init; }

    public required ReadOnlySpan<double> Volatility { get; init; }
}
