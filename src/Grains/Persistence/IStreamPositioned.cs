namespace DeltaStream.Grains.Persistence;

/// <summary>
/// Grain state that carries the stream position it has applied up to, so any grain storage writes the position
/// atomically with the state it produced.
/// </summary>
internal interface IStreamPositioned
{
    long StreamPosition { get; set; }
}
