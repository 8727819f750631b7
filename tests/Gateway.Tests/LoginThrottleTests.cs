using System.Net;
using DeltaStream.Gateway.RateLimiting;
using DeltaStream.Providers.Tests;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Tests;

/// <summary>The lockout's backoff, the client partition's IPv6 grouping, and failures shared across gateways through Redis.</summary>
public sealed class LoginThrottleTests
{
    [Fact]
    public void The_lockout_starts_at_the_free_failures_and_doubles_up_to_its_cap()
    {
        var lockout = new AccountLockout { FreeFailures = 5, FirstLockout = TimeSpan.FromSeconds(30), MaxLockout = TimeSpan.FromMinutes(15) };

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)],
            new long[] { 4, 5, 6, 7, 11, 1_000_000 }.Select(lockout.LockoutAfter));
    }

    [Fact]
    public void IPv6_clients_share_a_budget_per_64_and_ipv4_mapped_addresses_count_as_ipv4()
    {
        Assert.Equal(ClientPartition.Address(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Address(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.NotEqual(ClientPartition.Address(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Address(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(ClientPartition.Address(IPAddress.Parse("203.0.113.7")), ClientPartition.Address(IPAddress.Parse("::ffff:203.0.113.7")));
    }

    [Fact]
    public async Task Failures_counted_on_one_gateway_lock_the_account_on_another_through_redis_and_a_success_clears_both()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var options = Options.Create(new RateLimitOptions { Account = new AccountLockout { FreeFailures = 3 } });
        await using var first = new RedisLoginThrottle(redis.ConnectionString, options, TimeProvider.System);
        await using var second = new RedisLoginThrottle(redis.ConnectionString, options, TimeProvider.System);

        await first.FailedAsync("victim@example.com");
        await second.FailedAsync("victim@example.com");
        var beforeThird = await first.LockedForAsync("victim@example.com");
        await first.FailedAsync("victim@example.com");
        var locked = await second.LockedForAsync("victim@example.com");
        var other = await second.LockedForAsync("someone@example.com");
        await second.SucceededAsync("victim@example.com");

        Assert.Null(beforeThird);
        Assert.NotNull(locked);
        Assert.InRange(locked.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.Null(other);
        Assert.Null(await first.LockedForAsync("victim@example.com"));
    }
}
