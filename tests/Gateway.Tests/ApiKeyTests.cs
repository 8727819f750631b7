using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;

namespace DeltaStream.Gateway.Tests;

/// <summary>API.md API keys: create (shown once), list, revoke; a key works as X-API-Key until revoked.</summary>
public sealed class ApiKeyTests(GatewayFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_key_is_shown_once_works_as_x_api_key_is_listed_with_its_last_use_and_stops_working_when_revoked()
    {
        using var owner = await SignedInAsync();

        var created = await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "nightly bot" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(["id", "name", "key", "createdAt"], key.EnumerateObject().Select(p => p.Name));
        var secret = key.GetProperty("key").GetString()!;
        Assert.True(secret.Length >= 26, "at least 128 bits of base64url");

        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.Add("X-API-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/v1/auth/me", Cancel)).StatusCode);

        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/auth/keys", Cancel);
        var entry = Assert.Single(listed.EnumerateArray());
        Assert.Equal(["id", "name", "createdAt", "lastUsedAt"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nightly bot", entry.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        var revoked = await owner.DeleteAsync($"/api/v1/auth/keys/{key.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/v1/auth/keys", Cancel)).EnumerateArray());
    }

    [Theory]
    [InlineData("dsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not a key")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_key_is_a_401(string key)
    {
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_manage_keys_so_a_leaked_one_mints_no_more()
    {
        using var owner = await SignedInAsync();
        var secret = (await (await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "bot" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("key").GetString()!;
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.Add("X-API-Key", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsJsonAsync("/api/v1/auth/keys", new { name = "more" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.GetAsync("/api/v1/auth/keys", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tin name")]
    [InlineData("a-name-that-is-far-too-long-for-an-api-key-because-it-goes-on-and-on")]
    public async Task A_missing_or_bad_name_is_a_400_naming_the_field(string? name)
    {
        using var owner = await SignedInAsync();

        var response = await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Revoking_a_key_that_is_not_yours_is_404_and_a_malformed_id_is_400()
    {
        using var owner = await SignedInAsync();
        using var stranger = await SignedInAsync();
        var id = (await (await owner.PostAsJsonAsync("/api/v1/auth/keys", new { name = "mine" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/auth/keys/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/v1/auth/keys/{Guid.NewGuid()}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.DeleteAsync("/api/v1/auth/keys/not-a-guid", Cancel)).StatusCode);
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/auth/keys", Cancel)).EnumerateArray());
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var http = factory.CreateClient();
        return TestAccounts.Authorize(http, await TestAccounts.RegisterAsync(http, cancellationToken: Cancel));
    }
}
