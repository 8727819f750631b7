namespace DeltaStream.Search;

/// <summary>A passage and its cosine similarity to the question, in [-1, 1].</summary>
public sealed record SearchHit(DocumentPassage Passage, double Score);
