using System.Net;
using System.Net.Http.Json;
using DeltaStream.Grains;
using DeltaStream.Grains.Users;
using DeltaStream.Testing;
using DeltaStream.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// Refresh tokens and revoked families are remembered while they matter and removed from storage after, by their user
/// grain's reminder: a token at its expiry (a used one kept until then, to catch a reuse), a revoked family once its
/// tokens' lifetime has passed.
/// </summary>
public sealed class RefreshPruningTests(GatewayFactory factory)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task An_expired_refresh_token_is_removed_from_storage_once_presented()
    {
        var user = await factory.UserAsync();
        var token = Grains.GetGrain<IRefreshTokenGrain>($"test-expired-{Guid.NewGuid():N}");
        await token.Issue(user.User.Email, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1));

        var first = await token.Redeem(DateTimeOffset.UtcNow);
        var second = await token.Redeem(DateTimeOffset.UtcNow);

        Assert.Equal(RefreshStatus.Expired, first.Status);
        Assert.Equal(RefreshStatus.Unknown, second.Status);
        Assert.Null(await StoredAsync<RefreshTokenState>("refresh", token));
    }

    [Fact]
    public async Task A_used_refresh_token_is_kept_until_it_expires_so_its_reuse_is_recognised_and_then_removed()
    {
        var user = await factory.UserAsync();
        var token = Grains.GetGrain<IRefreshTokenGrain>($"test-used-{Guid.NewGuid():N}");
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

    [Fact]
    public async Task A_used_token_is_removed_at_its_expiry_without_being_presented_while_a_live_one_stays_and_redeems()
    {
        using var http = factory.CreateClient();
        var signIn = await TestAccounts.RegisterAsync(http, cancellationToken: Cancel);
        var userGrain = Grains.GetGrain<IUserGrain>(signIn.User.Email);
        var (usedHash, liveHash) = ($"test-pruned-{Guid.NewGuid():N}", $"test-live-{Guid.NewGuid():N}");
        var used = await IssueAsync(userGrain, signIn.User.Email, usedHash, DateTimeOffset.UtcNow.AddSeconds(2));
        var live = await IssueAsync(userGrain, signIn.User.Email, liveHash, DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal(RefreshStatus.Redeemed, (await used.Redeem(DateTimeOffset.UtcNow)).Status);

        await EventuallyAsync(async () => await StoredAsync<RefreshTokenState>("refresh", used) is null);
        var tracked = (await StoredAsync<UserState>("user", userGrain))!.RefreshTokens;

        Assert.DoesNotContain(usedHash, tracked.Keys);
        Assert.Contains(liveHash, tracked.Keys);
        Assert.NotNull(await StoredAsync<RefreshTokenState>("refresh", live));
        Assert.Equal(RefreshStatus.Redeemed, (await live.Redeem(DateTimeOffset.UtcNow)).Status);
    }

    [Fact]
    public async Task A_revoked_family_is_forgotten_after_its_tokens_lifetime_while_a_younger_one_is_kept_and_a_live_sign_in_refreshes()
    {
        using var http = factory.CreateClient();
        var signIn = await TestAccounts.RegisterAsync(http, cancellationToken: Cancel);
        var userGrain = Grains.GetGrain<IUserGrain>(signIn.User.Email);
        var (old, young) = (Guid.NewGuid(), Guid.NewGuid());
        await userGrain.RevokeFamily(old, TimeSpan.FromSeconds(2));
        await userGrain.RevokeFamily(young, TimeSpan.FromMinutes(10));

        await EventuallyAsync(async () => (await StoredAsync<UserState>("user", userGrain))?.RevokedFamilies.Contains(old) == false);
        var stored = (await StoredAsync<UserState>("user", userGrain))!;
        using var refreshed = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = signIn.RefreshToken }, Cancel);

        Assert.Contains(young, stored.RevokedFamilies);
        Assert.DoesNotContain(old, stored.RevokedAt.Keys);
        Assert.False(await userGrain.IsFamilyActive(young));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    /// <summary>A refresh token issued the way the gateway issues one: tracked by its user grain, then written.</summary>
    private async Task<IRefreshTokenGrain> IssueAsync(IUserGrain user, string email, string hash, DateTimeOffset expiresAt)
    {
        await user.TrackRefreshToken(hash, expiresAt);
        var token = Grains.GetGrain<IRefreshTokenGrain>(hash);
        await token.Issue(email, Guid.NewGuid(), expiresAt);
        return token;
    }

    /// <summary>The grain's state as its storage holds it, or null when it holds none.</summary>
    private async Task<T?> StoredAsync<T>(string stateName, IAddressable grain)
        where T : class
    {
        var stored = new GrainState<T>();
        await factory.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Users).ReadStateAsync(stateName, grain.GetGrainId(), stored);
        return stored.RecordExists ? stored.State : null;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Bound);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
