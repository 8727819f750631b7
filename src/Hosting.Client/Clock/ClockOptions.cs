namespace DeltaStream.Hosting.Clock;

/// <summary>
/// Configuration section "DeltaStream:Clock". With <see cref="Start"/> set, the process clock reads that instant
/// when the process starts (or at <see cref="Anchor"/>) and then advances in real time, so a demo or a
/// multi-process test runs at a chosen market instant: a settlement a minute away, a holiday, a weekend.
/// </summary>
public sealed class ClockOptions
{
    public const string SectionName = "DeltaStream:Clock";

    /// <summary>The instant the clock reads at <see cref="Anchor"/> (ISO 8601 with an offset, e.g. 2026-12-08T15:29:00+05:30).</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>
    /// The real instant at which the clock reads <see cref="Start"/>; the process start when unset. Every process of
    /// one cluster given the same Start and Anchor reads the same time, however far apart they started.
    /// </summary>
    public DateTimeOffset? Anchor { get; set; }
}
