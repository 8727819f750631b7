namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// How often a subscriber wants a chain's changes: <c>raw</c> (every update the grain publishes), <c>100ms</c>
/// (the default) or <c>1s</c>. Throttled levels publish on the leading edge: the first change after a quiet
/// interval goes out at once, later ones within the interval are merged into one update.
/// </summary>
internal sealed record UpdateThrottle(string Name, TimeSpan Interval)
{
    public static readonly UpdateThrottle Raw = new("raw", TimeSpan.Zero);

    public static readonly UpdateThrottle Default = new("100ms", TimeSpan.FromMilliseconds(100));

    public static readonly UpdateThrottle Slow = new("1s", TimeSpan.FromSeconds(1));

    /// <summary>A missing (null or empty) name means <see cref="Default"/>.</summary>
    public static bool TryParse(string? name, out UpdateThrottle throttle)
    {
        throttle = name switch
        {
            null or "" or "100ms" => Default,
            "raw" => Raw,
            "1s" => Slow,
            _ => null!,
        };
        return throttle is not null;
    }

    public static string InvalidDetail(string? name) => $"Unknown throttle '{name}'; use raw, 100ms or 1s.";
}
