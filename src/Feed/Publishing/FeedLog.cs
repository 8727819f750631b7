using Microsoft.Extensions.Logging;

namespace DeltaStream.Feed.Publishing;

internal static partial class FeedLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Synthetic feed started as src {Source}: {Instruments} instruments, a step every {Interval}, seed {Seed}")]
    public static partial void Started(ILogger logger, string source, int instruments, TimeSpan interval, int seed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Failed} publications of a feed step were refused (attempt {Attempt}); retrying in {Delay}")]
    public static partial void PublishHeldBack(ILogger logger, Exception exception, int failed, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Feed step published after being held back for {Seconds:F3} s")]
    public static partial void PublishResumed(ILogger logger, double seconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "{Symbol} resumes after sequence {Sequence}")]
    public static partial void Resuming(ILogger logger, string symbol, long sequence);
}
