using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

/// <summary>
/// Configuration section "DeltaStream:Streams". Set explicitly because Orleans' defaults (100 ms pulling,
/// 30 min cache retention) add ~50 ms of latency and let a busy feed grow the cache by gigabytes.
/// </summary>
public sealed class StreamingOptions
{
    public const string SectionName = "DeltaStream:Streams";

    [Range(1, 256)]
    public int Queues { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan PullingPeriod { get; set; } = TimeSpan.FromMilliseconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CacheRetention { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The section, validated: the stream provider is composed before the options system could validate it.</summary>
    internal static StreamingOptions Read(IConfiguration configuration)
    {
        var streaming = configuration.GetSection(SectionName).Get<StreamingOptions>() ?? new StreamingOptions();
        Validator.ValidateObject(streaming, new(streaming), validateAllProperties: true);
        return streaming;
    }
}
