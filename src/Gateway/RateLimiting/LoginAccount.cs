using DeltaStream.Users;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>The key failed logins are counted under: the normalised email, so case and spaces do not buy more guesses.</summary>
internal static class LoginAccount
{
    public static string Of(string email) =>
        EmailAddress.TryNormalize(email, out var normalised) ? normalised : email.Trim().ToLowerInvariant();
}
