using Microsoft.Extensions.Configuration;

namespace DeltaStream.Hosting;

/// <summary>
/// Embedded or distributed, decided by one setting: a Redis connection string (ConnectionStrings:Redis) selects
/// Redis clustering, the Redis Streams provider and Redis grain storage; its absence selects localhost clustering
/// with in-memory streams and storage.
/// </summary>
public static class DeploymentMode
{
    public static string? RedisConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Redis");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static bool IsDistributed(IConfiguration configuration) => RedisConnectionString(configuration) is not null;
}
