using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeltaStream.Gateway.Tests;

/// <summary>The hub refuses anonymous connections and takes a bearer token (header or access_token query) or an API key.</summary>
public sealed class HubAuthTests(GatewayFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_connection_is_refused_with_401()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(factory, _ => { }));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(factory, o => o.AccessTokenProvider = () => Task.FromResult<string?>("eyJhbGciOiJub25lIn0.e30.")));
    }

    [Fact]
    public async Task A_token_in_the_access_token_query_is_accepted()
    {
        var user = await factory.UserAsync();
        await using var hub = await HubClient.ConnectAsync(factory, _ => { }, $"hubs/market?access_token={Uri.EscapeDataString(user.Token)}");

        await hub.Connection.InvokeAsync("SubscribeUnderlying", "TSLA", Cancel);

        Assert.Equal("TSLA", (await HubClient.NextAsync(hub.Underlyings)).Symbol);
    }

    [Fact]
    public async Task An_api_key_in_the_x_api_key_header_is_accepted()
    {
        using var owner = factory.CreateSignedInClient();
        var created = await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "hub bot" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("key").GetString()!;

        await using var hub = await HubClient.ConnectAsync(factory, o => o.Headers["X-API-Key"] = key);
        await hub.Connection.InvokeAsync("SubscribeUnderlying", "SPY", Cancel);

        Assert.Equal("SPY", (await HubClient.NextAsync(hub.Underlyings)).Symbol);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }
}
