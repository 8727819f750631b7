using Microsoft.Extensions.Logging;

namespace DeltaStream.Grains.Diagnostics;

internal static partial class GrainLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Ticks for {Key} dropped: {Symbol} is not a listed instrument")]
    public static partial void UnknownInstrument(ILogger logger, string key, string symbol);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Key}: writing state failed; it will be retried")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string key);
}
