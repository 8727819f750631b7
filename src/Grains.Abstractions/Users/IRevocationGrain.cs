namespace DeltaStream.Users;

/// <summary>
/// Announces revocations to every subscribed gateway (one grain, key 0: revocations are rare). Subscriptions are
/// leased, as market subscriptions are: a gateway renews well inside the lease or is forgotten.
/// </summary>
public interface IRevocationGrain : IGrainWithIntegerKey
{
    /// <returns>The lease: renew well inside it.</returns>
    Task<TimeSpan> Subscribe(IRevocationObserver observer);

    Task Unsubscribe(IRevocationObserver observer);

    Task Announce(Revocation revocation);
}
