namespace DeltaStream.Search;

/// <summary>Turns texts into vectors whose cosine measures closeness of meaning.</summary>
public interface ITextEmbedder
{
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
