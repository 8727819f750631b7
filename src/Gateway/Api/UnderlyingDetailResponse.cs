using DeltaStream.Gateway.Api.Markets;

namespace DeltaStream.Gateway.Api;

/// <summary>GET /api/v1/underlyings/{symbol}.</summary>
public sealed record UnderlyingDetailResponse(
    string Symbol,
    double? Spot,
    double? Open,
    double? High,
    double? Low,
    double? PrevClose,
    long Volume,
    DateTime? UpdatedAt,
    IReadOnlyList<DateOnly> Expiries,
    int LotSize,
    double StrikeStep,
    string Currency,
    MarketStatusResponse MarketStatus);
