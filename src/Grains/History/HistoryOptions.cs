using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Grains.History;

/// <summary>Configuration section "DeltaStream:History": what the grains record for history and keep in memory.</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "DeltaStream:History";

    /// <summary>How often every active chain records its analytics (it also records at each session close).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One-minute bars an underlying grain keeps in memory (a day by default): all embedded mode serves.</summary>
    [Range(1, 100_000)]
    public int MinuteBarsInMemory { get; set; } = 1440;
}
