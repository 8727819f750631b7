using DeltaStream.Gateway.Auth;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>
/// Failed logins counted in Redis, so every gateway of a deployment sees the same count and lockout. One hash per
/// account under the SHA-256 of its email (no addresses in Redis): f = failures, u = locked until (Unix ms); it
/// expires once both the failure window and the lockout have passed.
/// </summary>
internal sealed class RedisLoginThrottle(string connectionString, IOptions<RateLimitOptions> options, TimeProvider clock) : ILoginThrottle, IAsyncDisposable
{
    private const string KeyPrefix = "deltastream:login:";

    // Atomic, so failures on two gateways at once both count. ARGV: free failures, first lockout ms, max lockout ms, now ms, window ms.
    private static readonly LuaScript Failure = LuaScript.Prepare("""
        local f = redis.call('HINCRBY', @key, 'f', 1)
        local lock = 0
        if f >= tonumber(@free) then
          lock = math.min(tonumber(@first) * 2 ^ math.min(f - tonumber(@free), 40), tonumber(@max))
          redis.call('HSET', @key, 'u', tostring(math.floor(tonumber(@now) + lock)))
        end
        redis.call('PEXPIRE', @key, math.floor(math.max(tonumber(@window), lock)))
        return f
        """);

    // Not aborting on a failed first connect: the multiplexer keeps retrying, and logins fail (500) until Redis answers.
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    });

    public async Task<TimeSpan?> LockedForAsync(string account)
    {
        var until = await (await DatabaseAsync()).HashGetAsync(Key(account), "u");
        var wait = until.HasValue ? (long)until - clock.GetUtcNow().ToUnixTimeMilliseconds() : 0;
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }

    public async Task FailedAsync(string account)
    {
        var lockout = options.Value.Account;
        await (await DatabaseAsync()).ScriptEvaluateAsync(Failure, new
        {
            key = Key(account),
            free = lockout.FreeFailures,
            first = (long)lockout.FirstLockout.TotalMilliseconds,
            max = (long)lockout.MaxLockout.TotalMilliseconds,
            now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            window = (long)lockout.FailureWindow.TotalMilliseconds,
        });
    }

    public async Task SucceededAsync(string account) => await (await DatabaseAsync()).KeyDeleteAsync(Key(account));

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            await (await connection.Value).DisposeAsync();
        }
    }

    private static RedisKey Key(string account) => KeyPrefix + SecretTokens.Hash(account);

    private async Task<IDatabase> DatabaseAsync() => (await connection.Value).GetDatabase();
}
