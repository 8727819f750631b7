using System.Diagnostics;
using System.Threading.RateLimiting;

namespace DeltaStream.Gateway.RateLimiting.Windows;

/// <summary>
/// A fixed-window limiter that can also say when its window reopens: the inner limiter replenishes on a timer of
/// one window started with it, so the reset is the rest of the current window counted from its creation.
/// </summary>
internal sealed class CountedWindowLimiter : RateLimiter
{
    private readonly FixedWindowRateLimiter inner;
    private readonly long createdAt = Stopwatch.GetTimestamp();
    private readonly Action<CountedWindowLimiter> disposed;

    public CountedWindowLimiter(string id, WindowLimit limit, Action<CountedWindowLimiter> disposed)
    {
        Id = id;
        Limit = limit;
        this.disposed = disposed;
        inner = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public string Id { get; }

    public WindowLimit Limit { get; }

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    /// <summary>Permits left in the current window.</summary>
    public long Remaining => inner.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Time until the current window ends and the permits are back.</summary>
    public TimeSpan ResetsIn
    {
        get
        {
            var window = Limit.Window.Ticks;
            return TimeSpan.FromTicks(window - (Stopwatch.GetElapsedTime(createdAt).Ticks % window));
        }
    }

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            disposed(this);
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        disposed(this);
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
