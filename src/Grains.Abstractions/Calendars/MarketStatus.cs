namespace DeltaStream.Calendars;

/// <summary>
/// A market's state at one instant. <paramref name="Reason"/> says why it is closed ("weekend", "holiday: name",
/// "beforeOpen", "afterHours") and is null otherwise; <paramref name="TradingDay"/> is the trading day the instant
/// belongs to (see <see cref="ExchangeCalendar.TradingDayAt"/>).
/// </summary>
public sealed record MarketStatus(string Market, MarketState State, string? Reason, DateTime? NextOpenUtc, DateTime? NextCloseUtc, DateOnly TradingDay);
