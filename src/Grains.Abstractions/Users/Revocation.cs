namespace DeltaStream.Users;

/// <summary>
/// Credentials that stopped working: a refresh family (sign-out, or a reused refresh token) or an API key. Gateways
/// close the live connections that authenticated with them.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record Revocation([property: Id(0)] string Email, [property: Id(1)] Guid? Family, [property: Id(2)] Guid? ApiKeyId);
