namespace DeltaStream.Users;

/// <summary>Bounds on refresh tokens, shared by the gateway's settings and the grains that prune what has outlived them.</summary>
public static class RefreshTokenLimits
{
    /// <summary>The longest a refresh token may live (DeltaStream:Auth:RefreshTokenLifetime's upper bound).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);
}
