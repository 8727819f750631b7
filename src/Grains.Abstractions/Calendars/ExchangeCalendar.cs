namespace DeltaStream.Calendars;

/// <summary>
/// One market's trading days and sessions. Saturdays, Sundays and listed holidays are closed; an early close shortens
/// that day's regular session. A date outside the covered years (<see cref="Covers"/>) is a trading day with the
/// regular session whenever it is a weekday, since no list says otherwise.
/// </summary>
public sealed class ExchangeCalendar
{
    private readonly TimeOnly? preOpen;
    private readonly TimeOnly open;
    private readonly TimeOnly close;
    private readonly Dictionary<DateOnly, MarketHoliday> holidays;
    private readonly Dictionary<DateOnly, MarketEarlyClose> earlyCloses;
    private readonly HashSet<int> years;

    /// <remarks>The definition is validated (<see cref="ExchangeCalendarOptionsValidator"/>) before it gets here.</remarks>
    internal ExchangeCalendar(string market, MarketCalendarDefinition definition)
    {
        Market = market;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone!);
        Source = definition.Source!;
        preOpen = definition.PreOpen;
        open = definition.Open!.Value;
        close = definition.Close!.Value;
        holidays = definition.Holidays.ToDictionary(h => h.Date, h => new MarketHoliday(h.Date, h.Name));
        earlyCloses = definition.EarlyCloses.ToDictionary(e => e.Date, e => new MarketEarlyClose(e.Date, e.Close, e.Name));
        years = [.. definition.Years];
    }

    public string Market { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Where the holiday and early-close lists come from.</summary>
    public string Source { get; }

    /// <summary>Length of a full regular session (pre-open excluded).</summary>
    public double RegularSessionMinutes => (close - open).TotalMinutes;

    /// <summary>Whether the holiday and early-close lists cover <paramref name="date"/>'s year.</summary>
    public bool Covers(DateOnly date) => years.Contains(date.Year);

    public bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.ContainsKey(date);

    /// <summary>The session of <paramref name="date"/>, or null when the market is closed that day.</summary>
    public TradingSession? Session(DateOnly date)
    {
        if (!IsTradingDay(date))
        {
            return null;
        }

        var early = earlyCloses.TryGetValue(date, out var earlyClose);
        return new TradingSession(
            date,
            preOpen is { } p ? ToUtc(date, p) : null,
            ToUtc(date, open),
            ToUtc(date, early ? earlyClose!.Close : close),
            early);
    }

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousTradingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsTradingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextTradingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsTradingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Sessions of the trading days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IReadOnlyList<TradingSession> Sessions(DateOnly from, DateOnly to)
    {
        var sessions = new List<TradingSession>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (Session(day) is { } session)
            {
                sessions.Add(session);
            }
        }

        return sessions;
    }

    /// <summary>Listed holidays from <paramref name="from"/> to <paramref name="to"/>, both included, in date order.</summary>
    public IReadOnlyList<MarketHoliday> Holidays(DateOnly from, DateOnly to) =>
        [.. holidays.Values.Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)];

    /// <summary>Listed early closes from <paramref name="from"/> to <paramref name="to"/>, both included, in date order.</summary>
    public IReadOnlyList<MarketEarlyClose> EarlyCloses(DateOnly from, DateOnly to) =>
        [.. earlyCloses.Values.Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date)];

    /// <summary>
    /// The trading day <paramref name="utc"/> belongs to. The day rolls when its session starts (the pre-open if
    /// any, else the open), not at midnight: overnight, a weekend or a holiday still belong to the previous trading day.
    /// </summary>
    public DateOnly TradingDayAt(DateTime utc)
    {
        var date = LocalDate(utc);
        return Session(date) is { } session && utc >= session.StartUtc ? date : PreviousTradingDay(date);
    }

    public MarketStatus StatusAt(DateTime utc)
    {
        var date = LocalDate(utc);
        var tradingDay = TradingDayAt(utc);
        if (Session(date) is not { } today)
        {
            var next = Session(NextTradingDay(date))!;
            var reason = holidays.TryGetValue(date, out var holiday) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                ? $"holiday: {holiday.Name}"
                : "weekend";
            return new MarketStatus(Market, MarketState.Closed, reason, next.OpenUtc, next.CloseUtc, tradingDay);
        }

        if (utc < today.StartUtc)
        {
            return new MarketStatus(Market, MarketState.Closed, "beforeOpen", today.OpenUtc, today.CloseUtc, tradingDay);
        }

        if (utc < today.CloseUtc)
        {
            var state = utc < today.OpenUtc ? MarketState.PreOpen : MarketState.Open;
            var nextOpen = state == MarketState.PreOpen ? today.OpenUtc : Session(NextTradingDay(date))!.OpenUtc;
            return new MarketStatus(Market, state, null, nextOpen, today.CloseUtc, tradingDay);
        }

        var following = Session(NextTradingDay(date))!;
        return new MarketStatus(Market, MarketState.Closed, "afterHours", following.OpenUtc, following.CloseUtc, tradingDay);
    }

    /// <summary>
    /// Minutes of regular sessions (pre-open excluded, early closes shortened) between two instants; negative when
    /// <paramref name="toUtc"/> is before <paramref name="fromUtc"/>.
    /// </summary>
    public double TradingMinutesBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc)
        {
            return -TradingMinutesBetween(toUtc, fromUtc);
        }

        var minutes = 0.0;
        foreach (var session in Sessions(LocalDate(fromUtc), LocalDate(toUtc)))
        {
            var start = session.OpenUtc > fromUtc ? session.OpenUtc : fromUtc;
            var end = session.CloseUtc < toUtc ? session.CloseUtc : toUtc;
            if (end > start)
            {
                minutes += (end - start).TotalMinutes;
            }
        }

        return minutes;
    }

    private DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));

    private DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone);
}
