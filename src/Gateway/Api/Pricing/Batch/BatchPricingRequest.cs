using System.Text.Json.Serialization;

namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>POST /api/v1/pricing/batch…: up to <see cref="BatchPricingEndpoints.MaxOptions"/> options; <c>exercise</c> (iv only) is european or american.</summary>
public sealed record BatchPricingRequest([property: JsonConverter(typeof(BatchOptionsConverter))] IReadOnlyList<BatchOption>? Options, string? Exercise = null);
