using System.Numerics.Tensors;

namespace DeltaStream.Search;

/// <summary>
/// Exact nearest passages by cosine: every vector normalised once and kept in one flat array, a query scored
/// against all of them (a few hundred passages: a scan is faster than any approximate index would be to build).
/// </summary>
public sealed class CosineIndex
{
    private readonly List<DocumentPassage> passages = [];
    private float[] vectors = [];
    private int dimensions;

    public int Count => passages.Count;

    public void Add(DocumentPassage passage, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (passages.Count == 0)
        {
            dimensions = vector.Length;
        }
        else if (vector.Length != dimensions)
        {
            throw new ArgumentException($"Vectors of this index have {dimensions} dimensions, not {vector.Length}.", nameof(vector));
        }

        if (vectors.Length < (passages.Count + 1) * dimensions)
        {
            Array.Resize(ref vectors, Math.Max(16, passages.Count * 2) * dimensions);
        }

        var slot = vectors.AsSpan(passages.Count * dimensions, dimensions);
        Normalise(vector, slot);
        passages.Add(passage);
    }

    /// <summary>The <paramref name="top"/> passages nearest <paramref name="query"/>, best first (index order among equal scores).</summary>
    public IReadOnlyList<SearchHit> Search(ReadOnlySpan<float> query, int top)
    {
        if (passages.Count == 0 || top < 1)
        {
            return [];
        }

        if (query.Length != dimensions)
        {
            throw new ArgumentException($"Vectors of this index have {dimensions} dimensions, not {query.Length}.", nameof(query));
        }

        var normalised = new float[dimensions];
        Normalise(query, normalised);
        var scores = new (float Score, int Index)[passages.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (TensorPrimitives.Dot(normalised, vectors.AsSpan(i * dimensions, dimensions)), i);
        }

        return [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(top).Select(s => new SearchHit(passages[s.Index], s.Score))];
    }

    private static void Normalise(ReadOnlySpan<float> vector, Span<float> into)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new ArgumentException("A vector must have a finite, non-zero length.", nameof(vector));
        }

        TensorPrimitives.Divide(vector, norm, into);
    }
}
