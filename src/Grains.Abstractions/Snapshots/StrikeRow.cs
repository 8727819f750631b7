namespace DeltaStream.Snapshots;

/// <summary>A strike of a chain; a side is null until that option has been quoted.</summary>
[GenerateSerializer]
[Immutable]
public sealed record StrikeRow(double Strike, OptionQuote? Call, OptionQuote? Put);
