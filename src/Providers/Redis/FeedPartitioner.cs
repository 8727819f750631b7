using System.Globalization;
using System.Text;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// Where a symbol's ticks live: stream key "{prefix}:ticks:{p}" with p = fnv1a32(utf8(symbol)) mod partitions,
/// and its dead-letter stream "{prefix}:ticks:{p}:dlq". Producers and silos must use the same prefix and count.
/// </summary>
public sealed class FeedPartitioner(string prefix, int partitions)
{
    public string Prefix { get; } = prefix;

    public int Partitions { get; } = partitions;

    public int PartitionOf(string symbol) => (int)(Fnv1a32(symbol) % (uint)Partitions);

    public string StreamKey(int partition) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:ticks:{partition}");

    public string DeadLetterKey(int partition) => StreamKey(partition) + ":dlq";

    public string CheckpointKey(int partition) => StreamKey(partition) + ":checkpoint";

    /// <summary>The hash of how far each grain stream of the partition is durably applied (field: the stream id).</summary>
    public string DurableKey(int partition) => StreamKey(partition) + ":durable";

    /// <summary>The hash of the last sequence each stream-API producer wrote per symbol.</summary>
    public string ProducersKey => Prefix + ":producers";

    /// <summary>32-bit FNV-1a over the UTF-8 bytes (offset basis 2166136261, prime 16777619).</summary>
    public static uint Fnv1a32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(text.Length, 256))];
        var bytes = text.Length <= 256 ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
