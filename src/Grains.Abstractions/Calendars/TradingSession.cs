namespace DeltaStream.Calendars;

/// <summary>One trading day's session in UTC; <paramref name="PreOpenUtc"/> is null where the market has no pre-open.</summary>
public sealed record TradingSession(DateOnly Date, DateTime? PreOpenUtc, DateTime OpenUtc, DateTime CloseUtc, bool EarlyClose)
{
    /// <summary>When the trading day starts: the pre-open if any, else the open.</summary>
    public DateTime StartUtc => PreOpenUtc ?? OpenUtc;
}
