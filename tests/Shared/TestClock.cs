namespace DeltaStream.Testing;

/// <summary>
/// The market instant test gateways run at. <c>DELTASTREAM_TEST_CLOCK_START</c> (ISO 8601 with an offset) starts
/// each gateway's clock there (<c>DeltaStream:Clock:Start</c>), so the date-sensitive tests can be run at a chosen
/// instant (scripts/test.sh does so for a settlement eve, a weekend, a holiday, a DST change); unset, the real clock.
/// </summary>
public static class TestClock
{
    public const string Variable = "DELTASTREAM_TEST_CLOCK_START";

    /// <summary>The pinned instant, or null for the real clock.</summary>
    public static DateTimeOffset? PinnedStart { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The clock settings of a test gateway: none on the real clock.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
        PinnedStart is { } start ? [KeyValuePair.Create("DeltaStream:Clock:Start", start.ToString("O", System.Globalization.CultureInfo.InvariantCulture))] : [];
}
