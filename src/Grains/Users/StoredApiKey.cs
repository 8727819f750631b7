namespace DeltaStream.Grains.Users;

/// <summary>A key as its owner's grain holds it: the hash that names its <see cref="DeltaStream.Users.IApiKeyGrain"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record StoredApiKey([property: Id(0)] Guid Id, [property: Id(1)] string Name, [property: Id(2)] string Hash, [property: Id(3)] DateTimeOffset CreatedAt);
