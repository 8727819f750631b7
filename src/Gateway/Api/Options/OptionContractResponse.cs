using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Options;

/// <summary>GET /api/v1/options/{contract}: one side of one strike, with the chain's spot and time; <see cref="Quote"/> is null until quoted.</summary>
public sealed record OptionContractResponse(
    string Contract,
    string Symbol,
    DateOnly Expiry,
    double Strike,
    OptionRight Right,
    double? Spot,
    double? Forward,
    PricingModel Model,
    double TimeToExpiry,
    DateTime UpdatedAt,
    OptionQuote? Quote);
