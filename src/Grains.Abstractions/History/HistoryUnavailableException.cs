namespace DeltaStream.History;

/// <summary>The history store cannot answer now (unreachable, timing out); the caller may try again later.</summary>
public sealed class HistoryUnavailableException : Exception
{
    public HistoryUnavailableException()
    {
    }

    public HistoryUnavailableException(string message) : base(message)
    {
    }

    public HistoryUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
