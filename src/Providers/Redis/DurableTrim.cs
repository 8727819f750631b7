namespace DeltaStream.Providers.Redis;

/// <summary>
/// The entries a receiver has read and not yet trimmed, each with the grain streams it fed. The trim point is the
/// newest entry of the prefix whose every stream is durable at or past it (<see cref="RedisTickLog"/>): the oldest entry
/// fed to a grain that has not yet persisted past it holds the rest back. An entry that fed no stream holds nothing.
/// Not thread-safe: a queue's receiver is called by one pulling agent at a time.
/// </summary>
internal sealed class DurableTrim
{
    private readonly Queue<Entry> pending = new();

    public int Pending => pending.Count;

    /// <summary>When the oldest untrimmed entry was read (null when none waits): how overdue its grains' writes are.</summary>
    public DateTime? OldestReadAt => pending.TryPeek(out var first) ? first.ReadAt : null;

    public void Read(string entryId, long position, IReadOnlyList<string> streams, DateTime utcNow) =>
        pending.Enqueue(new Entry(entryId, position, streams, utcNow));

    /// <returns>The entry id to trim up to, or null when the durable prefix has not moved.</returns>
    public string? Advance(IReadOnlyDictionary<string, long> durable)
    {
        string? trimTo = null;
        while (pending.TryPeek(out var first) && IsDurable(first, durable))
        {
            trimTo = first.Id;
            pending.Dequeue();
        }

        return trimTo;
    }

    private static bool IsDurable(Entry entry, IReadOnlyDictionary<string, long> durable)
    {
        foreach (var stream in entry.Streams)
        {
            if (!durable.TryGetValue(stream, out var position) || position < entry.Position)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(string Id, long Position, IReadOnlyList<string> Streams, DateTime ReadAt);
}
