using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>
/// Updates of the feed's epoch that arrived ahead of the one its state needs next. A grain sends its updates in
/// order, but the Orleans client hands each message it reads from the silo to the thread pool on its own, so
/// under load update N + 1 can reach the observer before N. Holding the early ones for a moment lets N arrive
/// and repairs the order without fetching a snapshot; a gap that stays open past the window, or more early
/// updates than the buffer holds, is a real loss and the feed resyncs.
/// </summary>
internal sealed class UpdateReorderBuffer(int capacity)
{
    // Each held update with when it arrived: under load gaps overlap, and the buffer may never empty between them.
    private readonly SortedList<long, (ChainUpdate Update, long HeldAt)> ahead = [];

    public int Count => ahead.Count;

    /// <summary>Keeps an early update; false when the buffer is now over its capacity.</summary>
    public bool Hold(ChainUpdate update, long now)
    {
        ahead.TryAdd(update.Sequence, (update, now));
        return ahead.Count <= capacity;
    }

    /// <summary>The held update that continues sequence <paramref name="last"/> of <paramref name="epoch"/>, dropping held ones it already covers.</summary>
    public bool TryTakeNext(long epoch, long last, out ChainUpdate next)
    {
        while (ahead.Count > 0)
        {
            var first = ahead.Values[0].Update;
            if (first.Epoch != epoch || first.Sequence > last + 1)
            {
                break;
            }

            ahead.RemoveAt(0);
            if (first.Sequence == last + 1)
            {
                next = first;
                return true;
            }
        }

        next = null!;
        return false;
    }

    /// <summary>True when a held update has waited longer than <paramref name="window"/> for the ones before it.</summary>
    public bool Overdue(TimeProvider clock, TimeSpan window)
    {
        foreach (var (_, heldAt) in ahead.Values)
        {
            if (clock.GetElapsedTime(heldAt) >= window)
            {
                return true;
            }
        }

        return false;
    }

    public void Clear() => ahead.Clear();
}
