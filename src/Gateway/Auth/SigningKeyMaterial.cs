using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DeltaStream.Gateway.Auth;

/// <summary>The HS256 key tokens are signed and checked with: the configured one, or (embedded mode only, which the options validator enforces) one generated for this run.</summary>
internal sealed partial class SigningKeyMaterial
{
    public SigningKeyMaterial(IOptions<AuthOptions> options, ILogger<SigningKeyMaterial> logger)
    {
        var configured = options.Value.SigningKey;
        byte[] key;
        if (string.IsNullOrEmpty(configured))
        {
            key = RandomNumberGenerator.GetBytes(AuthOptions.MinimumKeyBytes);
            LogGenerated(logger, AuthOptions.SectionName);
        }
        else
        {
            key = Encoding.UTF8.GetBytes(configured);
        }

        Key = new SymmetricSecurityKey(key);
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    public SymmetricSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded mode: generated a signing key for this run; tokens issued now stop working at restart. Set {Section}:SigningKey to keep them.")]
    private static partial void LogGenerated(ILogger logger, string section);
}
