namespace DeltaStream.Users;

/// <summary>What a user sees of one of their keys (never the key itself).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ApiKeyInfo([property: Id(0)] Guid Id, [property: Id(1)] string Name, [property: Id(2)] DateTimeOffset CreatedAt, [property: Id(3)] DateTimeOffset? LastUsedAt);
