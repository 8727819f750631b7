namespace DeltaStream.Users;

/// <summary>An issued API key: whose it is and what it is called.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ApiKeyRecord(
    [property: Id(0)] Guid KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid UserId,
    [property: Id(3)] string Email,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? LastUsedAt);
