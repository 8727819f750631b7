namespace DeltaStream.Snapshots;

/// <summary>A change to a chain: the strikes whose rows changed since update Sequence - 1 of the same epoch, and the new analytics; the last update of a
/// settled chain says so (<see cref="ChainLifecycle.Settled"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ChainUpdate(
    string Symbol,
    DateOnly Expiry,
    long Epoch,
    long Sequence,
    double? Spot,
    double? Forward,
    double TimeToExpiry,
    DateTime UpdatedAt,
    ChainAnalytics Analytics,
    IReadOnlyList<StrikeRow> Strikes,
    ChainLifecycle Status = ChainLifecycle.Live,
    ChainSettlement? Settlement = null);
