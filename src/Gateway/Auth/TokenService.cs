using System.Security.Claims;
using DeltaStream.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// Issues access tokens (HS256 JWT: sub, email, fam, jti) and opaque refresh tokens. Every sign-in starts a refresh
/// family; each refresh uses its token up and issues the next of the same family.
/// </summary>
internal sealed class TokenService(IOptions<AuthOptions> options, SigningKeyMaterial key, IGrainFactory grains, TimeProvider clock)
{
    public const string RefreshPrefix = "dsr_";
    private readonly JsonWebTokenHandler handler = new();

    public Task<TokenPair> SignInAsync(UserAccount account) => IssueAsync(account, Guid.NewGuid());

    /// <summary>The next pair, or null when the token is not one that may be used now (unknown, expired, revoked, reused).</summary>
    public async Task<TokenPair?> RefreshAsync(string? refreshToken)
    {
        if (!SecretTokens.IsWellFormed(refreshToken, RefreshPrefix))
        {
            return null;
        }

        var redemption = await grains.GetGrain<IRefreshTokenGrain>(SecretTokens.Hash(refreshToken!)).Redeem(clock.GetUtcNow());
        if (redemption is not { Status: RefreshStatus.Redeemed, Email: { } email })
        {
            return null;
        }

        var account = await grains.GetGrain<IUserGrain>(email).GetAccount();
        return account is null ? null : await IssueAsync(account, redemption.Family);
    }

    /// <summary>Signs out: the token's whole family stops working. False when the token is not a live one.</summary>
    public async Task<bool> RevokeAsync(string? refreshToken)
    {
        if (!SecretTokens.IsWellFormed(refreshToken, RefreshPrefix))
        {
            return false;
        }

        var redemption = await grains.GetGrain<IRefreshTokenGrain>(SecretTokens.Hash(refreshToken!)).Redeem(clock.GetUtcNow());
        if (redemption is not { Status: RefreshStatus.Redeemed, Email: { } email })
        {
            return false;
        }

        await grains.GetGrain<IUserGrain>(email).RevokeFamily(redemption.Family, options.Value.RefreshTokenLifetime);
        return true;
    }

    private async Task<TokenPair> IssueAsync(UserAccount account, Guid family)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = key.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(AuthClaims.Subject, account.Id.ToString()),
                new Claim(AuthClaims.Email, account.Email),
                new Claim(AuthClaims.Family, family.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
        var refresh = SecretTokens.Create(RefreshPrefix);
        var (hash, refreshExpires) = (SecretTokens.Hash(refresh), now + settings.RefreshTokenLifetime);

        // Tracked before it exists: a token its user grain does not know of would never be removed.
        await grains.GetGrain<IUserGrain>(account.Email).TrackRefreshToken(hash, refreshExpires);
        await grains.GetGrain<IRefreshTokenGrain>(hash).Issue(account.Email, family, refreshExpires);
        return new TokenPair(token, refresh, expires);
    }
}
