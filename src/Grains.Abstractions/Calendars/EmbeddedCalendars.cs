using System.Text.Json;

namespace DeltaStream.Calendars;

/// <summary>The calendars shipped in exchange-calendars.json, the defaults configuration merges over.</summary>
internal static class EmbeddedCalendars
{
    private const string ResourceName = "DeltaStream.Calendars.exchange-calendars.json";

    public static ExchangeCalendarOptions Options { get; } = Load();

    private static ExchangeCalendarOptions Load()
    {
        using var stream = typeof(EmbeddedCalendars).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<ExchangeCalendarOptions>(stream)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is empty.");
    }
}
