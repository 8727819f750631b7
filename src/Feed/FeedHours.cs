namespace DeltaStream.Feed;

/// <summary>When the synthetic market quotes.</summary>
public enum FeedHours
{
    /// <summary>Only while each instrument's exchange is in its regular session (weekends, holidays and nights are quiet).</summary>
    Calendar,

    /// <summary>Around the clock, whatever the exchange calendar says: a demo shows a live chain at any hour.</summary>
    AroundTheClock,
}
