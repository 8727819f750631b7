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
    /// How often a receiver reads the grains' durable positions and moves its checkpoint: an entry becomes the
    /// checkpoint (and is trimmed) once every grain stream it fed is durable past it, whatever the timing.
    /// </summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The cap on retained entries per partition, the memory bound of Redis: writing through the stream API to a stream
    /// holding this many entries is refused until the grains persist and it is trimmed (the synthetic feed waits and
    /// retries). Raw XADD producers should watch XLEN against it.
    /// </summary>
    public long MaxBacklog { get; set; } = 200_000;

    /// <summary>Dead-letter streams are capped to about this many records (XADD MAXLEN ~).</summary>
    public long DeadLetterMaxLength { get; set; } = 100_000;

    /// <summary>
    /// How far ahead of the market clock a tick's timestamp may be: a later one is refused (<c>futureTimestamp</c>),
    /// so one mis-stamped tick cannot open a later trading day. Judged at the entry's time in Redis, so a replay
    /// decides as the live read did.
    /// </summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromSeconds(5);
}
