using DeltaStream.Grains.Observers;
using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

/// <summary>
/// Fans a revocation out to the gateways. Nothing is persisted: a gateway whose lease lapsed (this grain moved
/// silo) subscribes again within a third of the lease, and a connection opened meanwhile is checked on connect.
/// </summary>
internal sealed class RevocationGrain(TimeProvider clock) : Grain, IRevocationGrain
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly ObserverLeases<IRevocationObserver> observers = new(Lease);

    public Task<TimeSpan> Subscribe(IRevocationObserver observer)
    {
        observers.Renew(observer, clock.GetUtcNow().UtcDateTime, TimeSpan.Zero);
        return Task.FromResult(Lease);
    }

    public Task Unsubscribe(IRevocationObserver observer)
    {
        observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task Announce(Revocation revocation)
    {
        observers.Notify(o => o.OnRevoked(revocation), clock.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }
}
