namespace DeltaStream.Calendars;

/// <summary>A trading day whose regular session ends early, at <paramref name="Close"/> local time.</summary>
public sealed record MarketEarlyClose(DateOnly Date, TimeOnly Close, string Name);
