using System.Globalization;
using DeltaStream.Testing;
using MongoDB.Driver;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// What a declared environment needs to run on this machine instead of in its pods or containers, and nothing more:
/// Redis and MongoDB at their loopback ports (Redis' password kept, MongoDB's user dropped), every listening port a free one (several hosts share
/// one address here), the advertised address loopback, no Kubernetes API (none runs here), and a feed that quotes
/// around the clock so the run does not depend on the exchanges' hours. Every other variable passes as declared, so a
/// renamed or missing setting behaves here as it would in the cluster.
/// </summary>
internal static class LoopbackPlacement
{
    public const string RedisKey = "ConnectionStrings__Redis";
    public const string MongoKey = "ConnectionStrings__MongoDB";
    public const string HttpPortsKey = "ASPNETCORE_HTTP_PORTS";
    public const string MetricsPortKey = "DeltaStream__Metrics__Port";

    public static Dictionary<string, string> Place(IReadOnlyDictionary<string, string> declared, int redisPort, int mongoPort)
    {
        var environment = new Dictionary<string, string>(declared);
        if (declared.TryGetValue(RedisKey, out var redis))
        {
            environment[RedisKey] = RedisOnLoopback(redis, redisPort);
        }

        if (declared.TryGetValue(MongoKey, out var mongo) && mongo.Length > 0)
        {
            // The tests' MongoDB (a bare mongod or the stand-in) has no users, so the declared user and password,
            // which the Redis side does check, are dropped here; database and options stay.
            environment[MongoKey] = new MongoUrlBuilder(mongo)
            {
                Server = new MongoServerAddress("127.0.0.1", mongoPort), DirectConnection = true, Username = null, Password = null, AuthenticationSource = null,
            }.ToString();
        }

        if (!declared.ContainsKey(HttpPortsKey))
        {
            throw new InvalidOperationException($"The deployment declares no {HttpPortsKey}: the host would listen on localhost only, unreachable in a pod or container.");
        }

        environment[HttpPortsKey] = FreePort();
        environment["DeltaStream__Cluster__SiloPort"] = FreePort();
        environment["DeltaStream__Cluster__GatewayPort"] = FreePort();
        if (declared.ContainsKey(MetricsPortKey))
        {
            environment[MetricsPortKey] = FreePort();
        }

        if (declared.ContainsKey("DeltaStream__Cluster__AdvertisedAddress"))
        {
            environment["DeltaStream__Cluster__AdvertisedAddress"] = "127.0.0.1";
        }

        if (declared.ContainsKey("DeltaStream__Cluster__Kubernetes"))
        {
            environment["DeltaStream__Cluster__Kubernetes"] = "false";
        }

        environment["DeltaStream__Feed__Hours"] = "AroundTheClock";
        return environment;
    }

    /// <summary>The password option of a StackExchange.Redis connection string, which the local redis-server then requires.</summary>
    public static string? RedisPassword(string connectionString) =>
        connectionString.Split(',').Select(o => o.Trim()).FirstOrDefault(o => o.StartsWith("password=", StringComparison.Ordinal))?["password=".Length..];

    /// <summary>The endpoint (the option without '=') moved to loopback; options such as password stay.</summary>
    private static string RedisOnLoopback(string connectionString, int port) =>
        string.Join(',', connectionString.Split(',').Select(o => o.Contains('=', StringComparison.Ordinal) ? o : $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));

    private static string FreePort() => LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture);
}
