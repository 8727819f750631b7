using System.Globalization;
using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeltaStream.Gateway.Api.Markets;

/// <summary>Exchange calendars: each market's status now, and its sessions, holidays and early closes over a range.</summary>
internal static class MarketEndpoints
{
    /// <summary>The widest calendar range one request may ask for.</summary>
    public const int MaxCalendarDays = 731;

    private const int DefaultCalendarDays = 30;

    public static RouteGroupBuilder MapMarketsApi(this RouteGroupBuilder api)
    {
        var markets = api.MapGroup("/markets").WithTags("Markets");
        markets.MapGet("", ListMarkets).WithName("ListMarkets")
            .WithDescription("Each market's status now (open, preOpen or closed with the reason), its trading day, next open and close, and its symbols.")
            .Produces<MarketStatusResponse[]>();
        markets.MapGet("/{market}/calendar", GetCalendar).WithName("GetMarketCalendar")
            .WithDescription($"Sessions (UTC), holidays and early closes from `from` to `to` (yyyy-MM-dd, in the market's time zone; default today and {DefaultCalendarDays} days on; at most {MaxCalendarDays} days).")
            .Produces<MarketCalendarResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The market status of <paramref name="instrument"/>'s exchange now.</summary>
    public static MarketStatusResponse StatusOf(InstrumentCatalog catalog, InstrumentDefinition instrument, MarketClock clock, MarketFeedNote feed)
    {
        var calendar = catalog.Calendar(instrument);
        return MarketStatusResponse.From(calendar, calendar.StatusAt(clock.GetUtcNow().UtcDateTime), SymbolsOf(catalog, calendar), feed);
    }

    private static Ok<MarketStatusResponse[]> ListMarkets(InstrumentCatalog catalog, MarketClock clock, MarketFeedNote feed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(catalog.Calendars.All
            .OrderBy(c => c.Market, StringComparer.Ordinal)
            .Select(c => MarketStatusResponse.From(c, c.StatusAt(now), SymbolsOf(catalog, c), feed))
            .ToArray());
    }

    private static IResult GetCalendar(string market, string? from, string? to, InstrumentCatalog catalog, MarketClock clock)
    {
        if (!catalog.Calendars.TryGet(market, out var calendar))
        {
            return TypedResults.Problem(
                $"Unknown market '{market}'. GET /api/v1/markets lists the markets: {string.Join(", ", catalog.Calendars.All.Select(c => c.Market))}.",
                statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, calendar.Zone));
        var errors = new Dictionary<string, string[]>();
        var start = ReadDate(from, "from", today, errors);
        var end = ReadDate(to, "to", start.AddDays(DefaultCalendarDays), errors);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = [$"to ({end:yyyy-MM-dd}) is before from ({start:yyyy-MM-dd})."];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > MaxCalendarDays)
        {
            errors["to"] = [$"A calendar covers at most {MaxCalendarDays} days; from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is {end.DayNumber - start.DayNumber + 1}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(new MarketCalendarResponse(
            calendar.Market, calendar.Zone.Id, start, end, calendar.Covers(start) && calendar.Covers(end), calendar.Source,
            calendar.Sessions(start, end), calendar.Holidays(start, end), calendar.EarlyCloses(start, end)));
    }

    private static DateOnly ReadDate(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"{field} '{text}' is not a date in the form yyyy-MM-dd."];
        return fallback;
    }

    private static string[] SymbolsOf(InstrumentCatalog catalog, ExchangeCalendar calendar) =>
        [.. catalog.All.Where(i => string.Equals(i.Market, calendar.Market, StringComparison.OrdinalIgnoreCase)).Select(i => i.Symbol)];
}
