using DeltaStream.Analytics.Volatility;

namespace DeltaStream.Gateway.Api.Pricing;

/// <summary><see cref="Iv"/> is null unless <see cref="Status"/> is ok.</summary>
public sealed record ImpliedVolatilityResponse(double? Iv, ImpliedVolatilityStatus Status);
