using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace DeltaStream.Gateway.Auth;

internal static class AuthSchemes
{
    /// <summary>The default: an X-API-Key header selects <see cref="ApiKey"/>, anything else <see cref="Bearer"/>.</summary>
    public const string BearerOrApiKey = "BearerOrApiKey";

    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    public const string ApiKey = "ApiKey";

    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>Only an interactive sign-in (a JWT) may manage API keys: a leaked key cannot mint more.</summary>
    public const string SignedInPolicy = "SignedIn";
}
