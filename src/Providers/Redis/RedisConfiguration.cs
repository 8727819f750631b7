using StackExchange.Redis;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// How every DeltaStream connection to Redis is configured (streams, clustering, grain storage): with
/// AbortOnConnectFail off, so a Redis restart is ridden out by reconnecting in the background, not a failed start.
/// </summary>
public static class RedisConfiguration
{
    public static ConfigurationOptions Parse(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return options;
    }
}
