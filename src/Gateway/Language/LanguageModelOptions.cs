using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.Language;

/// <summary>
/// Configuration section "DeltaStream:LanguageModel": an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama's
/// <c>/v1</c>, vLLM, llama.cpp server...) that rephrases narratives and composes answers. Unset endpoint: off, and the
/// templates answer.
/// </summary>
public sealed class LanguageModelOptions
{
    public const string SectionName = "DeltaStream:LanguageModel";

    /// <summary>The API's base address, e.g. http://localhost:11434/v1 for Ollama.</summary>
    public Uri? Endpoint { get; set; }

    [Required]
    public string Model { get; set; } = "llama3.2";

    /// <summary>Sent as the bearer key; local servers usually ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Each attempt's bound.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts after a failed one (timeout, connection failure, 429 or 5xx).</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 1;

    /// <summary>Failed calls (after their retries) in a row that open the circuit: while open, the templates answer at once.</summary>
    [Range(1, 100)]
    public int BreakerFailures { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
