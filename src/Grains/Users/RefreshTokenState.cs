namespace DeltaStream.Grains.Users;

[GenerateSerializer]
public sealed class RefreshTokenState
{
    /// <summary>Null until issued.</summary>
    [Id(0)]
    public string? Email { get; set; }

    [Id(1)]
    public Guid Family { get; set; }

    [Id(2)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(3)]
    public bool Used { get; set; }

    /// <summary>How long the token was issued to live, so a reuse knows how long its family's tokens may still be live; zero in state written before it was kept.</summary>
    [Id(4)]
    public TimeSpan Lifetime { get; set; }
}
