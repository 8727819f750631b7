namespace DeltaStream.Grains.Observers;

/// <summary>
/// The observers of one grain with the time each last renewed and the publication interval it asked for; an
/// observer whose lease has run out is removed before the next notification, so a gateway that vanished stops
/// costing messages (and stops holding the grain at a fine interval).
/// </summary>
internal sealed class ObserverLeases<TObserver>(TimeSpan lease)
    where TObserver : notnull
{
    private readonly Dictionary<TObserver, (DateTime RenewedAt, TimeSpan Interval)> leases = [];

    public int Count => leases.Count;

    public void Renew(TObserver observer, DateTime utcNow, TimeSpan interval) => leases[observer] = (utcNow, interval);

    public void Remove(TObserver observer) => leases.Remove(observer);

    /// <summary>The finest interval any observer asked for, or <paramref name="none"/> without observers.</summary>
    public TimeSpan Finest(TimeSpan none)
    {
        var finest = none;
        foreach (var (_, lease) in leases)
        {
            if (lease.Interval < finest)
            {
                finest = lease.Interval;
            }
        }

        return finest;
    }

    /// <returns>The number of observers notified.</returns>
    public int Notify(Action<TObserver> notification, DateTime utcNow)
    {
        var expired = utcNow - lease;
        foreach (var (observer, held) in leases)
        {
            if (held.RenewedAt < expired)
            {
                leases.Remove(observer);
            }
        }

        foreach (var observer in leases.Keys)
        {
            notification(observer);
        }

        return leases.Count;
    }
}
