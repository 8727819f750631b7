namespace DeltaStream.Users;

/// <summary>The outcome of using a refresh token; <see cref="Email"/> and <see cref="Family"/> are set when it is <see cref="RefreshStatus.Redeemed"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RefreshRedemption([property: Id(0)] RefreshStatus Status, [property: Id(1)] string? Email, [property: Id(2)] Guid Family);
