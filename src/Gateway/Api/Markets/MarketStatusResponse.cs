using DeltaStream.Calendars;

namespace DeltaStream.Gateway.Api.Markets;

/// <summary>
/// A market's status now (GET /api/v1/markets, and inside each underlying's answer): open, pre-open or closed with
/// the reason, the trading day the instant belongs to (it rolls at the session's start), and the next open and close.
/// </summary>
public sealed record MarketStatusResponse(
    string Market,
    string TimeZone,
    MarketState Status,
    string? Reason,
    DateOnly TradingDay,
    DateTime? NextOpen,
    DateTime? NextClose,
    IReadOnlyList<string> Symbols,
    string? Feed)
{
    public static MarketStatusResponse From(ExchangeCalendar calendar, MarketStatus status, IReadOnlyList<string> symbols, MarketFeedNote feed)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(feed);
        return new(calendar.Market, calendar.Zone.Id, status.State, status.Reason, status.TradingDay, status.NextOpenUtc, status.NextCloseUtc, symbols, feed.Text);
    }
}
