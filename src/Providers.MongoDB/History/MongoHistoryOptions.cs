namespace DeltaStream.Providers.MongoDB.History;

/// <summary>Options of the MongoDB read models: chain analytics history and one-minute underlying bars.</summary>
public sealed class MongoHistoryOptions : MongoConnectionOptions
{
    public string ChainHistoryCollection { get; set; } = "chainHistory";

    public string MinuteBarsCollection { get; set; } = "minuteBars";

    /// <summary>How long chain history is kept (a TTL index on its timestamp).</summary>
    public TimeSpan ChainHistoryRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long minute bars are kept (a TTL index on their start).</summary>
    public TimeSpan MinuteBarRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Records waiting per collection while MongoDB is slow or down; past it the oldest are dropped (and counted),
    /// so an outage costs bounded memory and never blocks a grain.
    /// </summary>
    public int BufferCapacity { get; set; } = 50_000;

    /// <summary>Records per InsertMany.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>The longest wait between two attempts at a batch while MongoDB fails (the wait doubles up to it).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
