namespace DeltaStream.Ticks;

/// <summary>A batch of a stream with its position in the provider's log (the stream sequence number it is delivered with).</summary>
public readonly record struct PositionedBatch(TickBatch Batch, long Position);
