using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Tests;

/// <summary>A <c>chainUpdate</c> as a client reads it off the wire: changed analytics only, changed strikes only.</summary>
internal sealed record ChainDeltaMessage(
    string Symbol,
    DateOnly Expiry,
    long Epoch,
    long FromSequence,
    long Sequence,
    double? Spot,
    double? Forward,
    double TimeToExpiry,
    DateTime UpdatedAt,
    Dictionary<string, double?> Analytics,
    List<StrikeRow> Strikes,
    ChainLifecycle Status = ChainLifecycle.Live,
    ChainSettlement? Settlement = null);
