namespace DeltaStream.Gateway.Api;

/// <summary>GET /api/v1/underlyings/{symbol}/dividends: one configured cash dividend.</summary>
public sealed record DividendResponse(DateOnly ExDate, double Amount, string Currency);
