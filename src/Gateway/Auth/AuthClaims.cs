using System.Security.Claims;

namespace DeltaStream.Gateway.Auth;

/// <summary>Claim names in DeltaStream principals (JWT and API key alike), and reading them back.</summary>
internal static class AuthClaims
{
    public const string Subject = "sub";
    public const string Email = "email";

    /// <summary>Set when the caller authenticated with an API key: that key's id.</summary>
    public const string ApiKeyId = "key_id";

    /// <summary>In access tokens: the refresh family of the sign-in that issued it, so signing out can close its hub connections.</summary>
    public const string Family = "fam";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(Subject);

    public static string? EmailOf(this ClaimsPrincipal user) => user.FindFirstValue(Email);

    public static Guid? FamilyOf(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(Family), out var family) ? family : null;

    public static Guid? ApiKeyOf(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ApiKeyId), out var key) ? key : null;
}
