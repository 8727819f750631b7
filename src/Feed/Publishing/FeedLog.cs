using Microsoft.Extensions.Logging;

namespace DeltaStream.Feed.Publishing;

internal static partial class FeedLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Synthetic feed started: {Instruments} instruments, a step every {Interval}, seed {Seed}")]
    public static partial void Started(ILogger logger, int instruments, TimeSpan interval, int seed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Publishing a feed step failed; the next step continues")]
    public static partial void PublishFailed(ILogger logger, Exception exception);
}
