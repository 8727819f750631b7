namespace DeltaStream.Search.Tests;

/// <summary>The real index: all-MiniLM-L6-v2 over the docs the build ships (corpus/), built once for the retrieval tests.</summary>
public sealed class DocsIndexFixture : IDisposable
{
    private readonly MiniLmEmbedder embedder = new();

    public DocsIndexFixture() => Search = DocumentSearch.Build(DocumentSearch.DefaultCorpus, embedder, ChunkingOptions.Default, CancellationToken.None);

    public DocumentSearch Search { get; }

    public void Dispose() => embedder.Dispose();
}
