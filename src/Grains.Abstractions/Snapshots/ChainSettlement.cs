namespace DeltaStream.Snapshots;

/// <summary>
/// How a chain settled: the settlement instant and the underlying's price then (its last spot at or before the
/// instant; null when the chain never had a spot).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ChainSettlement(DateTime SettledAt, double? Price);
