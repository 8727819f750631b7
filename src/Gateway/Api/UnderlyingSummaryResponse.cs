using DeltaStream.Gateway.Api.Markets;

namespace DeltaStream.Gateway.Api;

/// <summary>An entry of GET /api/v1/underlyings; <see cref="Currency"/> beside API.md's fields, so a list can be shown in the instrument's conventions.</summary>
public sealed record UnderlyingSummaryResponse(
    string Symbol, double? Spot, double? Change, double? ChangePct, DateTime? UpdatedAt, IReadOnlyList<DateOnly> Expiries, string Currency,
    MarketStatusResponse MarketStatus);
