namespace DeltaStream.Calendars;

public sealed class HolidayDefinition
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}
