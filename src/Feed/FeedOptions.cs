using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Feed;

/// <summary>Configuration section "DeltaStream:Feed" of the synthetic market.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "DeltaStream:Feed";

    /// <summary>Whether this process runs the synthetic feed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The producer id (<c>src</c>) of the feed's ticks: grains keep one sequence watermark per producer and
    /// instrument, so another program writing the same symbols under its own src never shadows this feed.
    /// </summary>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string Source { get; set; } = "synthetic";

    /// <summary>The same seed, instruments and clock produce the same ticks.</summary>
    public int Seed { get; set; } = 20261127;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Chance that a given option is quoted in a step after its first (which quotes every option).</summary>
    [Range(0.0, 1.0)]
    public double OptionQuoteProbability { get; set; } = 0.5;

    /// <summary>
    /// True (distributed mode): each step publishes one batch per symbol and the Redis provider writes it as one
    /// feed entry, split into grain streams when read. False (embedded): the feed splits it before publishing.
    /// Set from ConnectionStrings:Redis.
    /// </summary>
    public bool PublishWholeEntries { get; set; }

    /// <summary>Multiplies the passage of market time for the random walk (1 = real trading time).</summary>
    [Range(0.0, 10_000.0)]
    public double TimeScale { get; set; } = 1.0;

    /// <summary>
    /// When the market quotes: <see cref="FeedHours.Calendar"/> (in session only, the default in distributed mode) or
    /// <see cref="FeedHours.AroundTheClock"/> (the default in embedded mode, so a newcomer sees a live chain at 3 a.m.).
    /// </summary>
    public FeedHours? Hours { get; set; }
}
