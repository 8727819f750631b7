using System.Text;
using DeltaStream.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Auth;

/// <summary>Start-up refuses a missing signing key outside embedded mode, and a short one anywhere.</summary>
internal sealed class AuthOptionsValidator(IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            return GatewayMode.IsEmbedded(configuration)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)} is required outside embedded mode: set it (for example the environment variable " +
                    $"DeltaStream__Auth__SigningKey) to a secret of at least {AuthOptions.MinimumKeyBytes} bytes (256 bits), the same on every gateway.");
        }

        return Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinimumKeyBytes
            ? ValidateOptionsResult.Fail($"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)} must be at least {AuthOptions.MinimumKeyBytes} bytes (256 bits).")
            : ValidateOptionsResult.Success;
    }
}
