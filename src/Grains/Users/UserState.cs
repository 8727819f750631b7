using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>What a user grain persists: the account, its API keys (by hash), its refresh tokens' expiries and the refresh-token families revoked within their lifetime.</summary>
[GenerateSerializer]
public sealed class UserState
{
    [Id(0)]
    public UserAccount? Account { get; set; }

    [Id(1)]
    public List<StoredApiKey> ApiKeys { get; set; } = [];

    [Id(2)]
    public HashSet<Guid> RevokedFamilies { get; set; } = [];

    /// <summary>When each revoked family was revoked, so it can be forgotten once none of its tokens can still be live.</summary>
    [Id(3)]
    public Dictionary<Guid, DateTimeOffset> RevokedAt { get; set; } = [];

    /// <summary>How long after its revocation each family's tokens may still be live (the refresh lifetime); the longest one where absent.</summary>
    [Id(4)]
    public Dictionary<Guid, TimeSpan> LiveFor { get; set; } = [];

    /// <summary>The user's refresh tokens not yet removed, by hash, with their expiries: each is removed from storage once expired.</summary>
    [Id(5)]
    public Dictionary<string, DateTimeOffset> RefreshTokens { get; set; } = [];
}
