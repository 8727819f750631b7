namespace DeltaStream.Grains;

/// <summary>
/// Subscription with a lease: a subscriber that does not renew (call <see cref="Subscribe"/> again) within the
/// lease is dropped, so a gateway that dies without unsubscribing is forgotten. A grain that deactivates tells its
/// observers (<see cref="IMarketObserver.OnPublisherStopped"/>), so they can subscribe to its next activation.
/// </summary>
public interface IObservableMarketGrain
{
    /// <returns>The lease: renew well inside it.</returns>
    Task<TimeSpan> Subscribe(IMarketObserver observer);

    Task Unsubscribe(IMarketObserver observer);
}
