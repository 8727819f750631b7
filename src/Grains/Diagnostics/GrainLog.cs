using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace DeltaStream.Grains.Diagnostics;

internal static partial class GrainLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Ticks for {Key} dropped: {Symbol} is not a listed instrument")]
    public static partial void UnknownInstrument(ILogger logger, string key, string symbol);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Stream}: writing state failed ({Failures} in a row); retrying in {Delay}")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string stream, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Stream}: state written again after {Failures} failed attempts")]
    public static partial void PersistRecovered(ILogger logger, string stream, int failures);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Stream}: storage holds a newer version of this grain's state; deactivating to resume from it and replay the rest")]
    public static partial void WriteConflict(ILogger logger, Exception exception, string stream);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "{Stream}: reporting the durable stream position failed; it is reported again on the next tick")]
    public static partial void DurableReportFailed(ILogger logger, Exception exception, string stream);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "{Stream}: replayed {Batches} batches after position {Position} on activation")]
    public static partial void Replayed(ILogger logger, string stream, int batches, long position);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "{Grain}: state not written at shutdown; memory storage ends with the last silo")]
    public static partial void ShutdownWriteSkipped(ILogger logger, GrainId grain);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "{Symbol} {Expiry}: settled at {SettledAt:O} at {SettlementPrice}; it takes no more ticks")]
    public static partial void Settled(ILogger logger, string symbol, DateOnly expiry, DateTime settledAt, double? settlementPrice);
}
