namespace DeltaStream.Grains;

/// <summary>
/// Subscription with a lease: a subscriber that does not renew (call <see cref="Subscribe"/> again) within the
/// lease is dropped, so a gateway that dies without unsubscribing is forgotten.
/// </summary>
public interface IObservableMarketGrain
{
    Task Subscribe(IMarketObserver observer);

    Task Unsubscribe(IMarketObserver observer);
}
