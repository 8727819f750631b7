namespace DeltaStream.Ticks;

/// <summary>A trade or quote of the underlying. <paramref name="Sequence"/> is the producer's per-symbol sequence.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct UnderlyingTick(DateTime Timestamp, long Sequence, double Price, long Volume);
