using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> (fixed windows) for one partition.</summary>
public sealed class WindowLimit
{
    [Range(1, 100_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
