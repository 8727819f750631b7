using DeltaStream.Users;

namespace DeltaStream.Gateway.Auth;

/// <summary>POST /api/v1/auth/register and /login.</summary>
public sealed record CredentialsRequest(string? Email, string? Password);

/// <summary>POST /api/v1/auth/refresh and /logout.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>POST /api/v1/auth/keys.</summary>
public sealed record ApiKeyRequest(string? Name);

public sealed record UserResponse(Guid Id, string Email)
{
    public static UserResponse From(UserAccount account) => new(account.Id, account.Email);
}

/// <summary>Register and login: the token pair and who it is for.</summary>
public sealed record SignInResponse(string Token, string RefreshToken, DateTimeOffset ExpiresAt, UserResponse User);

/// <summary>A new API key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, string Key, DateTimeOffset CreatedAt);
