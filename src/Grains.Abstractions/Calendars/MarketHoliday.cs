namespace DeltaStream.Calendars;

public sealed record MarketHoliday(DateOnly Date, string Name);
