using DeltaStream.Calendars;

namespace DeltaStream.Gateway.Api.Markets;

/// <summary>
/// GET /api/v1/markets/{market}/calendar: the sessions (UTC), holidays and early closes between two dates, and the
/// published list they come from. <see cref="Covered"/> is false when part of the range lies in a year the calendar
/// has no published list for (weekdays there are taken as regular sessions).
/// </summary>
public sealed record MarketCalendarResponse(
    string Market,
    string TimeZone,
    DateOnly From,
    DateOnly To,
    bool Covered,
    string Source,
    IReadOnlyList<TradingSession> Sessions,
    IReadOnlyList<MarketHoliday> Holidays,
    IReadOnlyList<MarketEarlyClose> EarlyCloses);
