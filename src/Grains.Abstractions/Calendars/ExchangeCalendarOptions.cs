namespace DeltaStream.Calendars;

/// <summary>
/// Configuration section "DeltaStream:Calendars". Markets listed here merge over the embedded defaults
/// (exchange-calendars.json): fields that are set replace the default's, and the holidays and early closes of the
/// years a market lists replace the defaults of those years, so an operator can add 2028 or publish a final list
/// without a build.
/// </summary>
public sealed class ExchangeCalendarOptions
{
    public const string SectionName = "DeltaStream:Calendars";

    public Dictionary<string, MarketCalendarDefinition> Markets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
