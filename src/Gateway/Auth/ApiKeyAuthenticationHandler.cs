using System.Security.Claims;
using System.Text.Encodings.Web;
using DeltaStream.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Auth;

/// <summary>X-API-Key: the key's SHA-256 names its grain, so checking a key is one grain call and no bcrypt.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string KeyPrefix = "dsk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (!SecretTokens.IsWellFormed(key, KeyPrefix))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var record = await grains.GetGrain<IApiKeyGrain>(SecretTokens.Hash(key)).Authenticate(clock.GetUtcNow());
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(AuthClaims.Subject, record.UserId.ToString()),
                new Claim(AuthClaims.Email, record.Email),
                new Claim(AuthClaims.ApiKeyId, record.KeyId.ToString()),
            ],
            Scheme.Name,
            AuthClaims.Email,
            roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
