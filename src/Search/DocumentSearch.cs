namespace DeltaStream.Search;

/// <summary>
/// Semantic search over DeltaStream's own documentation: every markdown file under the corpus directory chunked
/// (<see cref="MarkdownChunker"/>), each passage embedded with its heading path, held in an exact
/// <see cref="CosineIndex"/>. Built once; searching embeds only the question.
/// </summary>
public sealed class DocumentSearch
{
    /// <summary>Where the build puts the corpus beside the application (see DeltaStream.Search.csproj).</summary>
    public static string DefaultCorpus => Path.Combine(AppContext.BaseDirectory, "corpus");

    private readonly ITextEmbedder embedder;
    private readonly CosineIndex index;

    private DocumentSearch(ITextEmbedder embedder, CosineIndex index) => (this.embedder, this.index) = (embedder, index);

    public int Passages => index.Count;

    public static DocumentSearch Build(string corpusDirectory, ITextEmbedder embedder, ChunkingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var files = Directory.GetFiles(corpusDirectory, "*.md", SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No markdown documents under {corpusDirectory}.");
        }

        // Sorted paths give the same index, and so the same order among equal scores, on every machine.
        var passages = files.Select(f => Path.GetRelativePath(corpusDirectory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            .SelectMany(name => MarkdownChunker.Chunk(name, File.ReadAllText(Path.Combine(corpusDirectory, name)), options))
            .ToArray();
        // One passage per call: a batch pads every text to the longest, which costs more than it saves (BENCHMARKS.md).
        var index = new CosineIndex();
        foreach (var passage in passages)
        {
            index.Add(passage, embedder.Embed([EmbeddedText(passage)], cancellationToken)[0]);
        }

        return new DocumentSearch(embedder, index);
    }

    public IReadOnlyList<SearchHit> Search(string question, int top, CancellationToken cancellationToken)
    {
        var query = embedder.Embed([question], cancellationToken)[0];
        return index.Search(query, top);
    }

    /// <summary>The passage as embedded: its heading path first, so a section's subject counts in every window of it.</summary>
    public static string EmbeddedText(DocumentPassage passage) =>
        passage is null ? throw new ArgumentNullException(nameof(passage)) : passage.Heading.Length == 0 ? passage.Text : $"{passage.Heading}: {passage.Text}";
}
