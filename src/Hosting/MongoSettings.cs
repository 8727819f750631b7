using DeltaStream.Providers.MongoDB;
using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

/// <summary>
/// MongoDB, when ConnectionStrings:MongoDB is set: grain state and the history read models live there. Section
/// "DeltaStream:MongoDB" tunes both (DefaultDatabase, ServerSelectionTimeout, Collection, DeleteStateOnClear,
/// ChainHistoryCollection, MinuteBarsCollection, ChainHistoryRetention, MinuteBarRetention, BufferCapacity,
/// BatchSize, MaxRetryDelay).
/// </summary>
public static class MongoSettings
{
    public const string SectionName = "DeltaStream:MongoDB";

    public static string? ConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("MongoDB");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    internal static Action<TOptions> Bind<TOptions>(IConfiguration configuration, string connectionString)
        where TOptions : MongoConnectionOptions => options =>
    {
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString = connectionString;
    };
}
