namespace DeltaStream.Gateway.Language;

/// <summary>The caller has spent its model calls for the window; the endpoint answers 429 with <see cref="RetryAfterSeconds"/>.</summary>
internal sealed class ModelBudgetExceededException(int retryAfterSeconds, int permitLimit, TimeSpan window)
    : Exception($"At most {permitLimit} language-model calls per {window} per user; retry after {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
