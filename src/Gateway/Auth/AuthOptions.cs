using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.Auth;

/// <summary>Configuration section "DeltaStream:Auth": tokens and password hashing (the operator's credentials: <see cref="DeltaStream.Hosting.Operators.OperatorOptions"/>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "DeltaStream:Auth";

    /// <summary>The smallest HS256 key accepted, in bytes (256 bits).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The HS256 signing key as text (its UTF-8 bytes are the key), at least 32 bytes. Required outside embedded
    /// mode; every gateway of a deployment must share it. Embedded mode generates one per run when unset.
    /// </summary>
    public string? SigningKey { get; set; }

    [Required]
    [MaxLength(256)]
    public string Issuer { get; set; } = "deltastream";

    [Required]
    [MaxLength(256)]
    public string Audience { get; set; } = "deltastream-api";

    /// <summary>Lifetime of an access token (JWT).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Lifetime of a refresh token; each use rotates it and starts this lifetime afresh. At most 365 days
    /// (<see cref="DeltaStream.Users.RefreshTokenLimits.MaxLifetime"/>), how long revoked families are remembered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>bcrypt work factor (log2 of the rounds).</summary>
    [Range(4, 31)]
    public int BcryptWorkFactor { get; set; } = 11;
}
