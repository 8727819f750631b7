using DeltaStream.History;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;

namespace DeltaStream.Grains.History;

/// <summary>
/// Records a chain's analytics for history: every <see cref="HistoryOptions.SnapshotInterval"/> when the chain
/// changed since its last record, and at each session close (the instrument's settlement time, local) whenever the
/// chain has a spot. Runs on the grain's timers, so it never touches the tick path.
/// </summary>
internal sealed class ChainHistoryRecorder(IMarketHistoryWriter writer, TimeProvider clock, InstrumentDefinition instrument, Func<ChainSnapshot> snapshot)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone);
    private long recordedSequence = -1;
    private IGrainTimer? closeTimer;

    public void Start(IGrainBase grain, HistoryOptions options)
    {
        var interval = options.SnapshotInterval;
        grain.RegisterGrainTimer(_ => Record(sessionClose: false), new GrainTimerCreationOptions(interval, interval) { Interleave = false });
        ScheduleClose(grain);
    }

    private void ScheduleClose(IGrainBase grain)
    {
        closeTimer?.Dispose();
        var due = NextSessionClose(clock.GetUtcNow().UtcDateTime) - clock.GetUtcNow().UtcDateTime;
        closeTimer = grain.RegisterGrainTimer(_ =>
        {
            ScheduleClose(grain);
            return Record(sessionClose: true);
        }, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    private Task Record(bool sessionClose)
    {
        var current = snapshot();
        if (current.Spot is null || (!sessionClose && current.Sequence == recordedSequence))
        {
            return Task.CompletedTask;
        }

        recordedSequence = current.Sequence;
        writer.Append(new ChainHistoryPoint(current.Symbol, current.Expiry, clock.GetUtcNow().UtcDateTime, current.Spot, current.Analytics, sessionClose));
        return Task.CompletedTask;
    }

    internal DateTime NextSessionClose(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var close = DateOnly.FromDateTime(local).ToDateTime(instrument.SettlementTime);
        if (close <= local)
        {
            close = close.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(close, zone);
    }
}
