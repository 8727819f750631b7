namespace DeltaStream.Calendars;

/// <summary>
/// One market's sessions and closures as configured. Times are local to <see cref="TimeZone"/>; a field left
/// unset keeps the embedded default's value.
/// </summary>
public sealed class MarketCalendarDefinition
{
    /// <summary>IANA time zone of the market.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Start of the pre-open session, which runs until <see cref="Open"/>; none when unset.</summary>
    public TimeOnly? PreOpen { get; set; }

    public TimeOnly? Open { get; set; }

    public TimeOnly? Close { get; set; }

    /// <summary>Full-day closures on weekdays of the covered years.</summary>
    public List<HolidayDefinition> Holidays { get; set; } = [];

    public List<EarlyCloseDefinition> EarlyCloses { get; set; } = [];

    /// <summary>Years whose holidays and early closes this definition lists completely.</summary>
    public List<int> Years { get; set; } = [];

    /// <summary>Where the lists come from (circular, notice or press release).</summary>
    public string? Source { get; set; }
}
