using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>
/// Per-account sign-in backoff, whatever address the guesses come from: after <see cref="FreeFailures"/> failed
/// logins for one (normalised) email, each further failure locks that email's logins for <see cref="FirstLockout"/>,
/// doubling per failure up to <see cref="MaxLockout"/>. Failures are forgotten <see cref="FailureWindow"/> after the
/// last one, and a successful login forgets them at once.
/// </summary>
public sealed class AccountLockout
{
    [Range(1, 1_000)]
    public int FreeFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the account is locked after its <paramref name="failures"/>th failure in a row (zero: not locked).</summary>
    public TimeSpan LockoutAfter(long failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 40);
        return TimeSpan.FromTicks((long)Math.Min(FirstLockout.Ticks * Math.Pow(2, doublings), MaxLockout.Ticks));
    }
}
