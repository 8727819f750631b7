using Orleans.Concurrency;

namespace DeltaStream.Users;

/// <summary>
/// One user account, keyed by its normalised email (<see cref="EmailAddress.TryNormalize"/>), so an email is unique by
/// construction. Also the authority over the user's API keys and which refresh-token families are revoked.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; null when the email is already registered.</summary>
    Task<UserAccount?> Register(string email, string passwordHash);

    /// <summary>The account, or null when none is registered under this email.</summary>
    Task<UserAccount?> GetAccount();

    Task<bool> IsFamilyActive(Guid family);

    /// <summary>
    /// Records a refresh token about to be issued (by its hash) so it is removed from storage at its expiry: the user
    /// grain keeps its tokens' expiries and one reminder for the next removal, rather than a reminder per token.
    /// </summary>
    Task TrackRefreshToken(string tokenHash, DateTimeOffset expiresAt);

    /// <summary>
    /// Revokes a refresh-token family and remembers it for <paramref name="tokensLiveFor"/> (the refresh lifetime: no
    /// token of a revoked family is issued any more, so none of its tokens is live after that), then forgets it.
    /// </summary>
    Task RevokeFamily(Guid family, TimeSpan tokensLiveFor);

    /// <summary>
    /// Adds a key stored only as its hash; null when the user already holds <see cref="ApiKeyLimits.MaxKeysPerUser"/> keys.
    /// The key exists once this user's state, listing it, is written: should that write fail, no key authenticates.
    /// </summary>
    Task<ApiKeyInfo?> AddApiKey(string name, string keyHash, DateTimeOffset createdAt);

    /// <summary>
    /// Whether this user's written state lists the key. Asked by a key's grain before its first use; it interleaves so
    /// that a key being revoked (the user grain waiting on the key grain) and a key being used cannot wait on each other.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> ListsApiKey(Guid keyId);

    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys();

    /// <summary>False when the user holds no key with this id.</summary>
    Task<bool> RevokeApiKey(Guid keyId);
}
