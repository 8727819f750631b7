using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB;

/// <summary>
/// Opens the database named by provider options. The driver shares one connection pool between clients built
/// from equal settings, so each provider can open its own without multiplying connections.
/// </summary>
internal static class MongoDatabaseFactory
{
    public static IMongoDatabase Open(MongoConnectionOptions options)
    {
        var url = MongoUrl.Create(options.ConnectionString);
        var settings = MongoClientSettings.FromUrl(url);
        settings.ServerSelectionTimeout = options.ServerSelectionTimeout;
        settings.ConnectTimeout = options.ServerSelectionTimeout;
        // Retries belong to the callers (see MongoConnectionOptions.ServerSelectionTimeout).
        settings.RetryWrites = false;
        settings.RetryReads = false;
        return new MongoClient(settings).GetDatabase(string.IsNullOrEmpty(url.DatabaseName) ? options.DefaultDatabase : url.DatabaseName);
    }

    /// <summary>The problem with the connection settings, or null when they can work.</summary>
    public static string? Problem(MongoConnectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return "ConnectionString is required (ConnectionStrings:MongoDB).";
        }

        try
        {
            MongoUrl.Create(options.ConnectionString);
        }
        catch (MongoConfigurationException ex)
        {
            return $"ConnectionString is not a MongoDB connection string: {ex.Message}";
        }

        if (string.IsNullOrWhiteSpace(options.DefaultDatabase))
        {
            return "DefaultDatabase must not be empty.";
        }

        return options.ServerSelectionTimeout <= TimeSpan.Zero ? "ServerSelectionTimeout must be positive." : null;
    }
}
