using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.Insights;

/// <summary>Configuration section "DeltaStream:Insights".</summary>
public sealed class InsightOptions
{
    public const string SectionName = "DeltaStream:Insights";

    /// <summary>How often, at most, a subscribed chain's pulse is read again for <c>insightUpdate</c> (each reading asks every expiry's grain for its snapshot).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromSeconds(1);
}
