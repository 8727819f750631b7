using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// A <c>chainUpdate</c> message: the change from update <c>FromSequence - 1</c> to <see cref="Sequence"/> of
/// <see cref="Epoch"/>. <see cref="Analytics"/> holds only the fields that changed (a null value became null; an
/// absent one is unchanged); <see cref="Strikes"/> only the rows that changed, whole. <see cref="Status"/> and
/// <see cref="Settlement"/> are always sent: the last delta of a settled chain says <c>settled</c>.
/// </summary>
internal sealed record ChainDelta(
    string Symbol,
    DateOnly Expiry,
    long Epoch,
    long FromSequence,
    long Sequence,
    double? Spot,
    double? Forward,
    double TimeToExpiry,
    DateTime UpdatedAt,
    IReadOnlyDictionary<string, object?> Analytics,
    IReadOnlyList<StrikeRow> Strikes,
    ChainLifecycle Status,
    ChainSettlement? Settlement);
