namespace DeltaStream.Search;

/// <summary>
/// Passages are windows of <see cref="Words"/> words within one section, each starting <see cref="Words"/> -
/// <see cref="Overlap"/> words after the previous one, so a sentence cut at one window's end is whole in the next.
/// </summary>
public sealed record ChunkingOptions(int Words = 120, int Overlap = 30)
{
    public static ChunkingOptions Default { get; } = new();
}
