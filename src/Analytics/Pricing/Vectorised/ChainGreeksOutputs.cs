namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary>
/// Where <see cref="ChainGreeksKernel"/> writes: one span per field of <see cref="OptionGreeks"/>, in its units, each
/// at least as long as the inputs.
/// </summary>
public readonly ref struct ChainGreeksOutputs
{
    public required Span<double> Price { get; init; }

    public required Span<double> Delta { get; init; }

    public required Span<double> Gamma { get; init; }

    public required Span<double> Theta { get; init; }

    public required Span<double> Vega { get; init; }

    public required Span<double> Rho { get; init; }

    public required Span<double> DividendRho { get; init; }

    public required Span<double> Vanna { get; init; }

    public required Span<double> Volga { get; init; }

    public required Span<double> Charm { get; init; }

    public required Span<double> Speed { get; init; }

    public required Span<double> Zomma { get; init; }

    public required Span<double> Color { get; init; }
}
