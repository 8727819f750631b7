using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Analytics.American;

/// <summary>An American implied volatility and, when it is <see cref="ImpliedVolatilityResult.IsOk"/>, the Greeks at it (default otherwise).</summary>
public readonly record struct AmericanImpliedGreeks(ImpliedVolatilityResult ImpliedVolatility, AmericanGreeks Greeks);
