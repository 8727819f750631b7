namespace DeltaStream.Grains.Observers;

/// <summary>
/// The observers of one grain with the time each last renewed; an observer whose lease has run out is
/// removed before the next notification, so a gateway that vanished stops costing messages.
/// </summary>
internal sealed class ObserverLeases<TObserver>(TimeSpan lease)
    where TObserver : notnull
{
    private readonly Dictionary<TObserver, DateTime> renewedAt = [];

    public int Count => renewedAt.Count;

    public void Renew(TObserver observer, DateTime utcNow) => renewedAt[observer] = utcNow;

    public void Remove(TObserver observer) => renewedAt.Remove(observer);

    /// <returns>The number of observers notified.</returns>
    public int Notify(Action<TObserver> notification, DateTime utcNow)
    {
        var expired = utcNow - lease;
        foreach (var (observer, at) in renewedAt)
        {
            if (at < expired)
            {
                renewedAt.Remove(observer);
            }
        }

        foreach (var observer in renewedAt.Keys)
        {
            notification(observer);
        }

        return renewedAt.Count;
    }
}
