using System.Diagnostics;
using DeltaStream.Search;

namespace DeltaStream.Gateway.Ask;

/// <summary>
/// The gateway's one docs index, built once off the request path (MiniLM on the corpus the build ships). A failed
/// build is logged and retried by the next question, so a transient failure does not disable the endpoint for good.
/// </summary>
internal sealed class DocsIndex(ILogger<DocsIndex> logger) : IDisposable
{
    private readonly Lock gate = new();
    private MiniLmEmbedder? embedder;
    private Task<DocumentSearch>? building;

    public Task<DocumentSearch> ReadyAsync()
    {
        lock (gate)
        {
            if (building is null || building.IsFaulted)
            {
                building = Task.Run(Build);
            }

            return building;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            embedder?.Dispose();
        }
    }

    private DocumentSearch Build()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            lock (gate)
            {
                embedder ??= new MiniLmEmbedder();
            }

            var search = DocumentSearch.Build(DocumentSearch.DefaultCorpus, embedder, ChunkingOptions.Default, CancellationToken.None);
            AskLog.IndexBuilt(logger, search.Passages, clock.Elapsed);
            return search;
        }
        catch (Exception ex)
        {
            AskLog.IndexFailed(logger, ex);
            throw;
        }
    }
}
