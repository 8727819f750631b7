namespace DeltaStream.Snapshots;

/// <summary>
/// An underlying's session. Prices are null until the first tick. <see cref="Change"/> is measured from
/// <see cref="PrevClose"/> when a previous session is known, otherwise from the session's open.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record UnderlyingSnapshot(
    string Symbol,
    double? Spot,
    double? Open,
    double? High,
    double? Low,
    double? PrevClose,
    double? Change,
    double? ChangePct,
    long Volume,
    DateTime? UpdatedAt,
    long LastSequence);
