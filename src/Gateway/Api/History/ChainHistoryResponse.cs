using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Api.History;

/// <summary>API.md chain history: the chain's spot and analytics at <see cref="Ts"/> (UTC), flagged at a session close.</summary>
internal sealed record ChainHistoryResponse(DateTime Ts, double? Spot, ChainAnalytics Analytics, bool SessionClose);
