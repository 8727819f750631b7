namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>
/// One option of a batch, named as the single-option calculator's query parameters: <c>vol</c> for prices and
/// Greeks, <c>price</c> for an implied volatility.
/// </summary>
public sealed record BatchOption(string? Type, double? Spot, double? Strike, double? T, double? R, double? Q, double? Vol, double? Price);
