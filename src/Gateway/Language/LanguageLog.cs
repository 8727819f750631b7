namespace DeltaStream.Gateway.Language;

internal static partial class LanguageLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "The language model's reply carried {Number}, which its prompt does not; the template answers instead")]
    public static partial void Refused(ILogger logger, decimal number);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The language model is unavailable; the template answers instead")]
    public static partial void Unavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "The language model replied with no text; the template answers instead")]
    public static partial void Empty(ILogger logger);
}
