using System.ComponentModel.DataAnnotations;
using DeltaStream.Gateway.RateLimiting;
using Microsoft.Extensions.Options;

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

    /// <summary>Replies kept, keyed by the exact instructions and prompt (one chain reading, one question with its passages), so the same facts are sent once; 0 keeps none.</summary>
    [Range(0, 100_000)]
    public int CacheEntries { get; set; } = 1_000;

    /// <summary>How long a kept reply is reused; a chain whose reading changes gets a new prompt, and so a new call, before that.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Model calls (replies not already kept) one user may cause per window, their API keys' included; beyond it /ask and /insights answer 429.</summary>
    [ValidateObjectMembers]
    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 30 };
}
