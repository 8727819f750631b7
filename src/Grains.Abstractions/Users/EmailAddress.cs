using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace DeltaStream.Users;

/// <summary>The one normalisation of an email, which is also the user grain's key: trimmed, lower-case invariant.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace) ||
            !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        normalized = trimmed.ToLowerInvariant();
        return true;
    }
}
