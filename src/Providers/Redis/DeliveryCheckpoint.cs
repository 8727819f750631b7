namespace DeltaStream.Providers.Redis;

/// <summary>
/// Tracks entries from read to delivery. An entry is delivered when every part routed from it has been; the
/// checkpoint is the newest entry of the fully delivered prefix whose delivery is at least the delay old.
/// Not thread-safe: a queue's receiver is called by one pulling agent at a time.
/// </summary>
internal sealed class DeliveryCheckpoint(TimeSpan delay)
{
    private readonly LinkedList<Entry> pending = [];
    private readonly Dictionary<string, LinkedListNode<Entry>> byId = [];

    public int Pending => pending.Count;

    public void Read(string entryId, int parts, DateTime utcNow)
    {
        var node = pending.AddLast(new Entry(entryId, parts, parts == 0 ? utcNow : null));
        byId[entryId] = node;
    }

    public void Delivered(string entryId, DateTime utcNow)
    {
        if (byId.TryGetValue(entryId, out var node) && --node.Value.Outstanding == 0)
        {
            node.Value.DeliveredAt = utcNow;
        }
    }

    /// <returns>The entry id to checkpoint, or null when the delivered prefix has not moved.</returns>
    public string? Advance(DateTime utcNow)
    {
        string? checkpoint = null;
        while (pending.First is { } first && first.Value.DeliveredAt is { } at && utcNow - at >= delay)
        {
            checkpoint = first.Value.Id;
            byId.Remove(first.Value.Id);
            pending.RemoveFirst();
        }

        return checkpoint;
    }

    private sealed class Entry(string id, int outstanding, DateTime? deliveredAt)
    {
        public string Id { get; } = id;

        public int Outstanding { get; set; } = outstanding;

        public DateTime? DeliveredAt { get; set; } = deliveredAt;
    }
}
