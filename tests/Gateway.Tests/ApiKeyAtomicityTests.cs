using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Gateway.Auth;
using DeltaStream.Testing;
using DeltaStream.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>An API key exists once its user's state lists it: a failed write of that state leaves no key that works.</summary>
public sealed class ApiKeyAtomicityTests(FaultyStorageGatewayFactory factory) : IClassFixture<FaultyStorageGatewayFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_whose_users_state_write_fails_is_refused_and_listed_nowhere()
    {
        using var owner = factory.CreateClient();
        var user = await TestAccounts.RegisterAsync(owner, cancellationToken: Cancel);
        TestAccounts.Authorize(owner, user);
        var secret = SecretTokens.Create(ApiKeyAuthenticationHandler.KeyPrefix);
        var userGrain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user.User.Email);

        factory.Storage.FailingUser = user.User.Email;
        var direct = await Record.ExceptionAsync(() => userGrain.AddApiKey("bot", SecretTokens.Hash(secret), DateTimeOffset.UtcNow));
        using var overHttp = await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "bot" }, Cancel);
        factory.Storage.FailingUser = null;

        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, secret);
        using var attempt = await bot.GetAsync("/api/v1/underlyings", Cancel);
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/auth/keys", Cancel);

        Assert.NotNull(direct);
        Assert.Equal(HttpStatusCode.InternalServerError, overHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        Assert.Empty(listed.EnumerateArray());
    }

    [Fact]
    public async Task A_key_written_without_its_users_state_does_not_authenticate()
    {
        using var anonymous = factory.CreateClient();
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);
        var secret = SecretTokens.Create(ApiKeyAuthenticationHandler.KeyPrefix);
        var account = (await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user.User.Email).GetAccount())!;

        // What a key write that landed while its user's did not would leave behind.
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IApiKeyGrain>(SecretTokens.Hash(secret))
            .Issue(new ApiKeyRecord(Guid.NewGuid(), "orphan", account.Id, account.Email, DateTimeOffset.UtcNow, null));
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, secret);

        using var attempt = await bot.GetAsync("/api/v1/underlyings", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
    }
}
