namespace DeltaStream.Grains.Users;

/// <summary>When the pruning reminders of refresh tokens and revoked families fire.</summary>
internal static class PruneSchedule
{
    /// <summary>A fire that found nothing to prune (storage failed, or a reminder had to stop short) comes again this much later.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    // A reminder's first fire is a timer on the silo, which cannot be set past about 49 days; a longer wait is made
    // of several, each fire scheduling the next.
    private static readonly TimeSpan LongestDue = TimeSpan.FromDays(30);

    /// <summary>From <paramref name="now"/> until <paramref name="at"/>, at least zero and at most a reminder's reach.</summary>
    public static TimeSpan Until(DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > LongestDue ? LongestDue : wait;
    }
}
