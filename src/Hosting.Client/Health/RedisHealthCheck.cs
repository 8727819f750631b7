using DeltaStream.Providers.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace DeltaStream.Hosting.Health;

/// <summary>
/// Degraded, not Unhealthy, while Redis does not answer a PING: the process keeps serving what it holds (live
/// chains from grain state), so Kubernetes should keep routing to it while Redis is away.
/// </summary>
internal sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => Connect(connectionString));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await connection.Value.WaitAsync(Timeout, cancellationToken);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            await (await connection.Value).DisposeAsync();
        }
    }

    private static Task<ConnectionMultiplexer> Connect(string connectionString)
    {
        var options = RedisConfiguration.Parse(connectionString);
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
