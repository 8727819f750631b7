namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// The <c>chainStatus</c> hub message: <see cref="Stale"/> is true when the gateway has heard nothing from the
/// chain's grain (no update, no heartbeat) for DeltaStream:Gateway:StaleAfter, as when its silo died; false when
/// it hears from the same epoch again. A new epoch's snapshot follows a recovery and means live as well.
/// </summary>
internal sealed record ChainStatus(string Symbol, DateOnly Expiry, long Epoch, long Sequence, bool Stale, DateTime LastHeardAt);
