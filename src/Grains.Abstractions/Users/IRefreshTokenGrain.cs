using Orleans.Concurrency;

namespace DeltaStream.Users;

/// <summary>One refresh token, keyed by the SHA-256 hash (lower-case hex) of the opaque token; usable once.</summary>
public interface IRefreshTokenGrain : IGrainWithStringKey
{
    Task Issue(string email, Guid family, DateTimeOffset expiresAt);

    /// <summary>
    /// Uses the token up. A second use is taken as theft: the whole family (every token rotated from the same
    /// sign-in) is revoked, including the one issued by the first use.
    /// </summary>
    Task<RefreshRedemption> Redeem(DateTimeOffset now);

    /// <summary>Removes the token from storage once it has expired; sent by its user grain, which does not wait for it.</summary>
    [OneWay]
    Task Prune(DateTimeOffset now);
}
