using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>What a user grain persists: the account, its API keys (by hash) and the revoked refresh-token families.</summary>
[GenerateSerializer]
public sealed class UserState
{
    [Id(0)]
    public UserAccount? Account { get; set; }

    [Id(1)]
    public List<StoredApiKey> ApiKeys { get; set; } = [];

    [Id(2)]
    public HashSet<Guid> RevokedFamilies { get; set; } = [];
}
