using DeltaStream.Snapshots;

namespace DeltaStream.History;

/// <summary>A chain's analytics at one instant (UTC), recorded on a cadence and at each session close (<see cref="SessionClose"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ChainHistoryPoint(string Symbol, DateOnly Expiry, DateTime Timestamp, double? Spot, ChainAnalytics Analytics, bool SessionClose);
