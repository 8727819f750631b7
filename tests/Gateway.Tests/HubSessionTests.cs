using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A hub connection lives as long as its credentials: it closes when its token expires, its sign-in is signed out
/// or its API key is revoked, while other users' connections keep streaming.
/// </summary>
public sealed class HubSessionTests(GatewayFactory factory)
{
    /// <summary>Revocations are announced at once; SignalR checks token expiry every second.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_closes_that_sign_ins_connection_within_seconds_while_another_users_keeps_streaming()
    {
        using var anonymous = factory.CreateClient();
        var leaving = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);
        await using var bystander = await StreamingBystanderAsync();
        await using var hub = await ConnectAsync(leaving.Token);
        
        var logout = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = leaving.RefreshToken }, Cancel);
        var clock = Stopwatch.StartNew();
        await hub.Closed.WaitAsync(Bound, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.True(clock.Elapsed < Bound);
        await AssertStillStreamingAsync(bystander);
    }

    [Fact]
    public async Task Revoking_an_api_key_closes_the_connections_it_opened_within_seconds_while_another_users_keeps_streaming()
    {
        using var owner = TestAccounts.Authorize(factory.CreateClient(), await TestAccounts.RegisterAsync(factory.CreateClient(), cancellationToken: Cancel));
        var created = await (await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "doomed bot" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        await using var bystander = await StreamingBystanderAsync();
        await using var hub = await HubClient.ConnectAsync(factory, o => o.Headers["X-API-Key"] = created.GetProperty("key").GetString()!);
        
        var revoke = await owner.DeleteAsync($"/api/v1/auth/keys/{created.GetProperty("id").GetString()}", Cancel);
        await hub.Closed.WaitAsync(Bound, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await AssertStillStreamingAsync(bystander);
    }

    [Fact]
    public async Task A_connection_closes_when_its_token_expires_while_another_users_keeps_streaming()
    {
        var user = await TestAccounts.RegisterAsync(factory.CreateClient(), cancellationToken: Cancel);
        // JWT times are whole seconds.
        var expiresAt = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3);
        await using var bystander = await StreamingBystanderAsync();
        await using var hub = await ConnectAsync(Token(user, expiresAt));
        
        await hub.Closed.WaitAsync(expiresAt - DateTime.UtcNow + Bound, Cancel);

        Assert.True(DateTime.UtcNow >= expiresAt);
        await AssertStillStreamingAsync(bystander);
    }

    [Fact]
    public async Task A_token_of_a_signed_out_sign_in_cannot_open_a_connection()
    {
        using var anonymous = factory.CreateClient();
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken }, Cancel)).EnsureSuccessStatusCode();

        await using var hub = await ConnectAsync(user.Token);
        var closed = await hub.Closed.WaitAsync(Bound, Cancel);

        Assert.Contains("signed out or revoked", closed?.Message, StringComparison.Ordinal);
    }

    private async Task<HubClient> ConnectAsync(string token) =>
        await HubClient.ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));

    /// <summary>Another user's connection, already receiving underlying updates.</summary>
    private async Task<HubClient> StreamingBystanderAsync()
    {
        var hub = await ConnectAsync((await TestAccounts.RegisterAsync(factory.CreateClient(), cancellationToken: Cancel)).Token);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);
        await HubClient.NextAsync(hub.Underlyings);
        return hub;
    }

    private static async Task AssertStillStreamingAsync(HubClient bystander)
    {
        while (bystander.Underlyings.Reader.TryRead(out _))
        {
        }

        Assert.Equal("SPY", (await HubClient.NextAsync(bystander.Underlyings)).Symbol);
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
    }

    private static string Token(SignedInUser user, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestAccounts.Issuer,
            Audience = TestAccounts.Audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", user.User.Id.ToString()), new Claim("email", user.User.Email)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestAccounts.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
}
