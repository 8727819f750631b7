using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>Configuration section "DeltaStream:Gateway:Outbox": how far one connection may fall behind.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "DeltaStream:Gateway:Outbox";

    /// <summary>Messages queued for one connection; beyond it the connection is behind and its feeds wait for it.</summary>
    [Range(4, 100_000)]
    public int Capacity { get; set; } = 128;

    /// <summary>A connection behind for longer than this is disconnected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BehindTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
