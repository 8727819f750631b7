namespace DeltaStream.Gateway.RateLimiting;

/// <summary>Counts failed logins per account (<see cref="AccountLockout"/>): in memory on one gateway, in Redis across gateways.</summary>
internal interface ILoginThrottle
{
    /// <summary>How long the account's logins stay locked; null when they are open.</summary>
    Task<TimeSpan?> LockedForAsync(string account);

    Task FailedAsync(string account);

    Task SucceededAsync(string account);
}
