namespace DeltaStream.Gateway.Auth;

/// <summary>An access token (JWT) with the refresh token that renews it; <see cref="ExpiresAt"/> is the access token's expiry.</summary>
public sealed record TokenPair(string Token, string RefreshToken, DateTimeOffset ExpiresAt);
