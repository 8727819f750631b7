using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>Failed logins counted in this process: embedded mode, one gateway.</summary>
internal sealed class MemoryLoginThrottle(IOptions<RateLimitOptions> options, TimeProvider clock) : ILoginThrottle
{
    // Past this many accounts, forgotten ones are swept on the next failure, so guessing many emails cannot grow it without bound.
    private const int SweepAbove = 100_000;

    private readonly Dictionary<string, Failures> accounts = [];

    public Task<TimeSpan?> LockedForAsync(string account)
    {
        var now = clock.GetUtcNow();
        lock (accounts)
        {
            return Task.FromResult<TimeSpan?>(accounts.TryGetValue(account, out var failures) && failures.LockedUntil > now ? failures.LockedUntil - now : null);
        }
    }

    public Task FailedAsync(string account)
    {
        var lockout = options.Value.Account;
        var now = clock.GetUtcNow();
        lock (accounts)
        {
            if (accounts.Count > SweepAbove)
            {
                foreach (var key in accounts.Where(a => a.Value.ForgetAt(lockout) <= now).Select(a => a.Key).ToList())
                {
                    accounts.Remove(key);
                }
            }

            var count = accounts.TryGetValue(account, out var failures) && failures.ForgetAt(lockout) > now ? failures.Count + 1 : 1;
            accounts[account] = new Failures(count, now, now + lockout.LockoutAfter(count));
        }

        return Task.CompletedTask;
    }

    public Task SucceededAsync(string account)
    {
        lock (accounts)
        {
            accounts.Remove(account);
        }

        return Task.CompletedTask;
    }

    private sealed record Failures(long Count, DateTimeOffset Last, DateTimeOffset LockedUntil)
    {
        public DateTimeOffset ForgetAt(AccountLockout lockout) => Last + lockout.FailureWindow > LockedUntil ? Last + lockout.FailureWindow : LockedUntil;
    }
}
