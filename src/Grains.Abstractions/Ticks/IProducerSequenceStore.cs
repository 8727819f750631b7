namespace DeltaStream.Ticks;

/// <summary>
/// The last sequence a producer wrote for a symbol, kept by the stream provider with what it wrote, so a restarted
/// producer resumes above it (a producer that cannot resume uses a new source instead).
/// </summary>
public interface IProducerSequenceStore
{
    /// <param name="source">The producer (<c>src</c>); null is the default producer.</param>
    /// <returns>The highest sequence written for <paramref name="symbol"/> by <paramref name="source"/>, or null when none.</returns>
    Task<long?> LastSequenceAsync(string? source, string symbol, CancellationToken cancellationToken);
}
