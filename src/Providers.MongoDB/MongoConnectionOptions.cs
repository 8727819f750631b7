namespace DeltaStream.Providers.MongoDB;

/// <summary>Where a MongoDB provider connects, and how quickly it gives up when the server does not answer.</summary>
public abstract class MongoConnectionOptions
{
    /// <summary>A MongoDB connection string; its database part (<c>/deltastream</c>) names the database.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The database when the connection string names none.</summary>
    public string DefaultDatabase { get; set; } = "deltastream";

    /// <summary>
    /// How long an operation waits for a reachable server before it fails. Short by design: callers (the grains'
    /// own retries, the read-model buffer) decide what happens next, so the provider fails fast and never retries.
    /// </summary>
    public TimeSpan ServerSelectionTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
