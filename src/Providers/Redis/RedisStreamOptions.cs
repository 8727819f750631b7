namespace DeltaStream.Providers.Redis;

/// <summary>Options of one Redis Streams provider (named by the provider).</summary>
public sealed class RedisStreamOptions
{
    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379".</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Key prefix: streams are "{Prefix}:ticks:{p}".</summary>
    public string Prefix { get; set; } = "deltastream";

    /// <summary>Number of stream keys (queues); producers and silos must agree.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Entries read per pull.</summary>
    public int ReadBatchSize { get; set; } = 64;

    /// <summary>
    /// How long after delivery an entry becomes the checkpoint (and may be trimmed). It must exceed the grains'
    /// persist interval, so that a replay after a silo dies starts no later than what grain storage holds.
    /// </summary>
    public TimeSpan CheckpointDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Producer backpressure: writing to a stream holding this many unconsumed entries fails until it drains.
    /// </summary>
    public long MaxBacklog { get; set; } = 200_000;
}
