using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// Opaque secrets (API keys, refresh tokens): random bytes as base64url with a prefix that says what they are,
/// stored and looked up only as their SHA-256 hash.
/// </summary>
internal static class SecretTokens
{
    /// <summary>256 bits: above the 128 the contract asks of an API key.</summary>
    private const int SecretBytes = 32;

    /// <summary>Longer input is not a token this gateway issued; it is refused before hashing.</summary>
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Base64UrlAlphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Create(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Cheap shape check so junk never reaches a grain.</summary>
    public static bool IsWellFormed(string? secret, string prefix) =>
        secret is { Length: <= MaxLength } && secret.StartsWith(prefix, StringComparison.Ordinal) && secret.Length > prefix.Length &&
        !secret.AsSpan(prefix.Length).ContainsAnyExcept(Base64UrlAlphabet);
}
