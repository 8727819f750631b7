using DeltaStream.Ticks;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// One feed entry decoded: the valid ticks as a batch of one symbol (null when none is valid) and every refusal.
/// </summary>
public sealed record DecodedEntry(TickBatch? Batch, IReadOnlyList<RejectedTick> Rejected);
