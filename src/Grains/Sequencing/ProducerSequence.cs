namespace DeltaStream.Grains.Sequencing;

/// <summary>
/// The last sequence applied from one producer to one instrument, as persisted. <paramref name="Source"/> is the
/// tick's <c>src</c>; the empty string is the default producer (ticks without <c>src</c>).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ProducerSequence(string Source, long Sequence);
