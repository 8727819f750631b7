namespace DeltaStream.Search;

/// <summary>
/// One passage of a document: <see cref="Source"/> names the file and the section's anchor
/// (<c>README.md#feed-entries-writing-ticks-from-any-program</c>), <see cref="Heading"/> the section's heading path.
/// </summary>
public sealed record DocumentPassage(string Source, string Heading, string Text);
