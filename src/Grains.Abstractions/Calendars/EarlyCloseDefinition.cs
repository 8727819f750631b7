namespace DeltaStream.Calendars;

public sealed class EarlyCloseDefinition
{
    public DateOnly Date { get; set; }

    /// <summary>Local time the regular session ends that day.</summary>
    public TimeOnly Close { get; set; }

    public string Name { get; set; } = "";
}
