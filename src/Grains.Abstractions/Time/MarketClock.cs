namespace DeltaStream.Time;

/// <summary>
/// The market's time: what sessions, expiries, time to expiry, the roll and tick timestamps are judged on. It runs
/// at a fixed offset from real time (none unless <c>DeltaStream:Clock:Start</c> is set), so a demo or a test can run
/// at a chosen instant. Timers, timestamps and the local zone are the underlying clock's, so delays keep their real
/// length. Orleans, auth and storage keep the plain <see cref="TimeProvider"/>: a cluster's membership and a token's
/// lifetime are real-world time, not market time.
/// </summary>
public sealed class MarketClock(TimeProvider real, TimeSpan offset) : TimeProvider
{
    public MarketClock(TimeProvider real)
        : this(real, TimeSpan.Zero)
    {
    }

    /// <summary>The real clock, unshifted.</summary>
    public static MarketClock Real { get; } = new(TimeProvider.System);

    /// <summary>How far market time runs ahead of the underlying clock (negative: behind).</summary>
    public TimeSpan Offset { get; } = offset;

    /// <summary>A clock that reads <paramref name="start"/> at the real instant <paramref name="anchor"/> and then advances in real time.</summary>
    public static MarketClock StartingAt(DateTimeOffset start, DateTimeOffset anchor, TimeProvider real) => new(real, start - anchor);

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
