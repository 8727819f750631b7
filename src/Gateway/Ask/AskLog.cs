namespace DeltaStream.Gateway.Ask;

internal static partial class AskLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Docs index built: {Passages} passages in {Elapsed}")]
    public static partial void IndexBuilt(ILogger logger, int passages, TimeSpan elapsed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Building the docs index failed; /api/v1/ask answers 503 until the next attempt")]
    public static partial void IndexFailed(ILogger logger, Exception exception);
}
