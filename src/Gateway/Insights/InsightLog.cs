namespace DeltaStream.Gateway.Insights;

internal static partial class InsightLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Session history of {Symbol} {Expiry} is unavailable; the pulse reads without it")]
    public static partial void HistoryUnavailable(ILogger logger, string symbol, DateOnly expiry, Exception exception);
}
