namespace DeltaStream.Snapshots;

/// <summary>
/// A strike's session activity: each side's change in last traded price and in open interest since the
/// exchange day began (null price change for a side without a trade at both ends).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record StrikeActivity(double Strike, double? CallPriceChange, long CallOiChange, double? PutPriceChange, long PutOiChange);
