namespace DeltaStream.Analytics.American;

/// <summary>
/// Discretisation of the American engine. The fixed-point method (no cash dividends) uses the first four: Chebyshev
/// nodes of the exercise boundary in sqrt-time, fixed-point (FP-B) iterations, Gauss-Legendre points for the boundary
/// integrals and tanh-sinh points per side for the premium integral. The finite-difference solver (cash dividends,
/// or rates with a two-sided exercise region) uses the last two for its coarser grid; Richardson extrapolation adds a
/// grid with twice as many steps in both directions.
/// </summary>
public sealed record AmericanAccuracy(
    int ChebyshevNodes,
    int FixedPointIterations,
    int BoundaryQuadraturePoints,
    int PremiumQuadraturePointsPerSide,
    int GridTimeSteps,
    int GridSpotSteps)
{
    /// <summary>
    /// Meets every case of the American reference file (prices to 5e-6 of max(S, K)) with a margin of ten or more on
    /// prices; six iterations already meet the prices, eight let implied volatility return the generating
    /// volatility to 1e-6 across expiries.
    /// </summary>
    public static AmericanAccuracy Default { get; } = new(8, 8, 12, 24, 400, 400);

    /// <summary>
    /// What a live chain uses for every quote's IV and Greeks: fewer nodes and points, and a coarser grid for cash
    /// dividends. Greeks at the implied volatility of every reference price still meet the reference tolerances
    /// (AmericanImpliedGreeksTests).
    /// </summary>
    public static AmericanAccuracy Chain { get; } = new(6, 6, 8, 12, 200, 200);

    internal bool IsValid =>
        ChebyshevNodes is >= 2 and <= 128 && FixedPointIterations is >= 1 and <= 100
        && BoundaryQuadraturePoints is >= 2 and <= 256 && PremiumQuadraturePointsPerSide is >= 4 and <= 256
        && GridTimeSteps is >= 10 and <= 100_000 && GridSpotSteps is >= 20 and <= 100_000;
}
