using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>
/// Configuration section "DeltaStream:RateLimits". Each limit applies per user (or per API key), and per client
/// IP address when anonymous; sign-in is always per IP address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "DeltaStream:RateLimits";

    /// <summary>REST calls under /api/v1 (auth refresh, logout, me and keys included).</summary>
    [ValidateObjectMembers]
    public WindowLimit Api { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Login and register: a brute-force guard.</summary>
    [ValidateObjectMembers]
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Failed logins per account (normalised email), from any address; shared through Redis in distributed mode.</summary>
    [ValidateObjectMembers]
    public AccountLockout Account { get; set; } = new();

    /// <summary>Hub method calls.</summary>
    [ValidateObjectMembers]
    public WindowLimit Hub { get; set; } = new() { PermitLimit = 300 };

    /// <summary>Chains and underlyings one hub connection may watch at once.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 50;

    /// <summary>Chains and underlyings one user (or API key's owner) may watch at once across their connections to this gateway.</summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerUser { get; set; } = 200;

    /// <summary>Hub connections one user may hold open at once on this gateway (their API keys' included).</summary>
    [Range(1, 10_000)]
    public int MaxConnectionsPerUser { get; set; } = 10;
}
