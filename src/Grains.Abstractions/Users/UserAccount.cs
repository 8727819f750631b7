namespace DeltaStream.Users;

/// <summary>A registered user; <see cref="PasswordHash"/> is a bcrypt hash.</summary>
[GenerateSerializer]
[Immutable]
public sealed record UserAccount([property: Id(0)] Guid Id, [property: Id(1)] string Email, [property: Id(2)] string PasswordHash, [property: Id(3)] DateTimeOffset CreatedAt);
