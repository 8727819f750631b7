using DeltaStream.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>Refresh tokens are remembered while they matter: a used one until it expires (to catch a reuse), an expired one not at all.</summary>
public sealed class RefreshPruningTests(GatewayFactory factory)
{
    [Fact]
    public async Task An_expired_refresh_token_is_removed_from_storage_once_presented()
    {
        var user = await factory.UserAsync();
        var token = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IRefreshTokenGrain>($"test-expired-{Guid.NewGuid():N}");
        await token.Issue(user.User.Email, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1));

        var first = await token.Redeem(DateTimeOffset.UtcNow);
        var second = await token.Redeem(DateTimeOffset.UtcNow);

        Assert.Equal(RefreshStatus.Expired, first.Status);
        Assert.Equal(RefreshStatus.Unknown, second.Status);
    }

    [Fact]
    public async Task A_used_refresh_token_is_kept_until_it_expires_so_its_reuse_is_recognised_and_then_removed()
    {
        var user = await factory.UserAsync();
        var token = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IRefreshTokenGrain>($"test-used-{Guid.NewGuid():N}");
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(10);
        await token.Issue(user.User.Email, Guid.NewGuid(), expiresAt);

        var used = await token.Redeem(DateTimeOffset.UtcNow);
        var reused = await token.Redeem(DateTimeOffset.UtcNow);
        var reusedAfterExpiry = await token.Redeem(expiresAt.AddSeconds(1));
        var afterwards = await token.Redeem(expiresAt.AddSeconds(2));

        Assert.Equal(RefreshStatus.Redeemed, used.Status);
        Assert.Equal(RefreshStatus.Reused, reused.Status);
        Assert.Equal(RefreshStatus.Reused, reusedAfterExpiry.Status);
        Assert.Equal(RefreshStatus.Unknown, afterwards.Status);
    }
}
