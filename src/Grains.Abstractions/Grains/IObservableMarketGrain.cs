namespace DeltaStream.Grains;

/// <summary>
/// Subscription with a lease: a subscriber that does not renew (call <see cref="Subscribe"/> again) within the
/// lease is dropped, so a gateway that dies without unsubscribing is forgotten. A grain that deactivates tells its
/// observers (<see cref="IMarketObserver.OnPublisherStopped"/>), so they can subscribe to its next activation.
/// </summary>
public interface IObservableMarketGrain
{
    /// <param name="observer">Who is told of changes.</param>
    /// <param name="interval">
    /// How soon the observer wants a change after its tick: the grain publishes at the finest interval its
    /// subscribers ask for, no finer than its raw interval and no coarser than its publish interval
    /// (<see cref="TimeSpan.Zero"/>: as soon as the raw interval allows; <see cref="TimeSpan.MaxValue"/>: at the
    /// publish interval).
    /// </param>
    /// <returns>The lease: renew well inside it.</returns>
    Task<TimeSpan> Subscribe(IMarketObserver observer, TimeSpan interval);

    Task Unsubscribe(IMarketObserver observer);
}
