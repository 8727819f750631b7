namespace DeltaStream.Gateway.Api;

/// <summary>An entry of GET /api/v1/underlyings.</summary>
public sealed record UnderlyingSummaryResponse(
    string Symbol, double? Spot, double? Change, double? ChangePct, DateTime? UpdatedAt, IReadOnlyList<DateOnly> Expiries);
