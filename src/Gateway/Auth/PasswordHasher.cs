using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// bcrypt at the configured work factor. The "enhanced" form pre-hashes with SHA-384, so passwords longer than
/// bcrypt's 72 bytes are not silently truncated.
/// </summary>
internal sealed class PasswordHasher(IOptions<AuthOptions> options)
{
    // Verified against when the email is unknown, so that answer takes as long as a wrong password.
    private readonly Lazy<string> decoy = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor));

    public string Hash(string password) => BCrypt.Net.BCrypt.EnhancedHashPassword(password, options.Value.BcryptWorkFactor);

    public bool Verify(string password, string? hash) => BCrypt.Net.BCrypt.EnhancedVerify(password, hash ?? decoy.Value) && hash is not null;
}
