using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DeltaStream.Gateway.Tests;

/// <summary>Without a valid token or key every data call is 401; health, metrics, docs and the sign-in calls stay open.</summary>
public sealed class AccessControlTests(GatewayFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> DataPaths =>
    [
        "/api/v1/underlyings",
        "/api/v1/underlyings/NIFTY",
        "/api/v1/chains/NIFTY/2026-12-08",
        "/api/v1/options/NIFTY20261208C24300",
        "/api/v1/pricing/bsm?type=call&spot=100&strike=100&t=1&r=0&q=0&vol=0.2",
        "/api/v1/analytics/NIFTY/pcr",
        "/api/v1/analytics/NIFTY/gex",
        "/api/v1/insights/NIFTY",
        "/api/v1/auth/me",
        "/api/v1/auth/keys",
    ];

    [Theory]
    [MemberData(nameof(DataPaths))]
    public async Task Every_data_call_without_credentials_is_a_401_problem(string path)
    {
        using var http = factory.CreateClient();

        var response = await http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Every_api_v1_endpoint_outside_the_anonymous_auth_calls_requires_authorization()
    {
        var anonymousByContract = new[] { "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout" };
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToArray();

        Assert.True(endpoints.Length >= 15, $"only {endpoints.Length} /api/v1 endpoints");
        foreach (var endpoint in endpoints)
        {
            var isOpen = anonymousByContract.Contains(endpoint.RoutePattern.RawText);
            Assert.True(isOpen != endpoint.Metadata.OfType<IAuthorizeData>().Any(), $"{endpoint.RoutePattern.RawText}: authorization does not match the contract");
        }
    }

    public enum Forgery
    {
        BadSignature,
        Expired,
        AlgNone,
        WrongIssuer,
        WrongAudience,
        TamperedPayload,
        NotAToken,
    }

    [Theory]
    [InlineData(Forgery.BadSignature)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.AlgNone)]
    [InlineData(Forgery.WrongIssuer)]
    [InlineData(Forgery.WrongAudience)]
    [InlineData(Forgery.TamperedPayload)]
    [InlineData(Forgery.NotAToken)]
    public async Task A_forged_or_stale_token_is_a_401(Forgery forgery)
    {
        var user = await factory.UserAsync();
        var token = forgery switch
        {
            Forgery.BadSignature => Token(user, key: "some-other-key-that-is-also-long-enough-0123456789"),
            Forgery.Expired => Token(user, expires: DateTime.UtcNow.AddMinutes(-5)),
            Forgery.AlgNone => Unsigned(user),
            Forgery.WrongIssuer => Token(user, issuer: "someone-else"),
            Forgery.WrongAudience => Token(user, audience: "another-api"),
            Forgery.TamperedPayload => Tampered(user.Token),
            _ => "not-a-jwt",
        };
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await http.GetAsync("/api/v1/underlyings", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_made_with_the_gateways_key_and_settings_is_accepted()
    {
        // The control for the forgeries above: the same construction, nothing wrong with it.
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(await factory.UserAsync()));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_well_signed_token_for_an_account_that_does_not_exist_cannot_use_me_or_keys()
    {
        var ghost = new SignedInUser("", "", DateTimeOffset.UtcNow, new SignedInUser.Account(Guid.NewGuid(), TestAccounts.NewEmail()));
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(ghost));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/auth/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/auth/keys", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/v1/auth/keys", new { name = "ghost" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.DeleteAsync($"/api/v1/auth/keys/{Guid.NewGuid()}", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/")]
    [InlineData("/")]
    public async Task Health_metrics_docs_and_the_page_need_no_credentials(string path)
    {
        using var http = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path, Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404()
    {
        using var http = factory.CreateSignedInClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/nothing-here", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v2/underlyings", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_declares_both_schemes_and_marks_data_calls_as_needing_one()
    {
        using var http = factory.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/underlyings").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/auth/login").GetProperty("post").TryGetProperty("security", out _));
        Assert.True(paths.TryGetProperty("/api/v1/options/{contract}", out _));
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_and_one_from_elsewhere_is_not()
    {
        using var http = factory.CreateClient();

        var allowed = await http.SendAsync(Preflight(GatewayFactory.AllowedOrigin), Cancel);
        var other = await http.SendAsync(Preflight("https://evil.example.net"), Cancel);

        Assert.Equal(GatewayFactory.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    internal static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/underlyings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private static string Token(SignedInUser user, string key = TestAccounts.SigningKey, string issuer = TestAccounts.Issuer, string audience = TestAccounts.Audience, DateTime? expires = null)
    {
        var end = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = end.AddMinutes(-10),
            NotBefore = end.AddMinutes(-10),
            Expires = end,
            Subject = new ClaimsIdentity([new Claim("sub", user.User.Id.ToString()), new Claim("email", user.User.Email)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Unsigned(SignedInUser user)
    {
        var signed = Token(user).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{signed[1]}.";
    }

    /// <summary>The real token with its payload re-encoded to name another subject, keeping the original signature.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"sub\":\"", "\"sub\":\"0", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
