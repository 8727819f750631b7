using DeltaStream.Gateway.Api.Limits;

namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>Reads <c>options</c> and stops at the first option past <see cref="BatchPricingEndpoints.MaxOptions"/>.</summary>
internal sealed class BatchOptionsConverter() : BoundedListConverter<BatchOption>(BatchPricingEndpoints.MaxOptions, "options", "options", "{type, spot, strike, t, r, q, vol or price}");
