namespace DeltaStream.Gateway.Ask;

/// <summary>POST /api/v1/ask: a question in plain words; <see cref="Passages"/> (1-10) caps the passages returned.</summary>
public sealed record AskRequest(string? Question, int? Passages);

/// <summary>A passage of the docs: its text, its source (<c>file#section</c>) and its cosine similarity to the question.</summary>
public sealed record AskPassage(string Text, string Source, double Score);

/// <summary>The passages nearest the question, best first; <see cref="Answer"/> is composed only when a language model is configured.</summary>
public sealed record AskResponse(string? Answer, IReadOnlyList<AskPassage> Passages);
