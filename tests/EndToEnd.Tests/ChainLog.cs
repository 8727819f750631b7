namespace DeltaStream.EndToEnd.Tests;

/// <summary>What one chain's subscriber was sent: snapshots (with their epochs), updates per epoch, sequence gaps and stale statuses, with receipt times.</summary>
internal sealed class ChainLog
{
    private readonly Lock gate = new();
    private readonly List<(DateTime At, long Epoch)> snapshots = [];
    private readonly List<(DateTime At, bool Stale)> statuses = [];
    private readonly Dictionary<long, int> updatesByEpoch = [];
    private long sequence;

    public long Epoch
    {
        get
        {
            lock (gate)
            {
                return snapshots[^1].Epoch;
            }
        }
    }

    public int Updates
    {
        get
        {
            lock (gate)
            {
                return updatesByEpoch.Values.Sum();
            }
        }
    }

    /// <summary>Updates that did not continue the one before within their epoch.</summary>
    public int Gaps { get; private set; }

    /// <summary>Every epoch this client was sent a snapshot of.</summary>
    public int Epochs
    {
        get
        {
            lock (gate)
            {
                return snapshots.Select(s => s.Epoch).Distinct().Count();
            }
        }
    }

    public void Snapshot(long epoch, long last)
    {
        lock (gate)
        {
            snapshots.Add((DateTime.UtcNow, epoch));
            sequence = last;
        }
    }

    public void Update(long epoch, long from, long last)
    {
        lock (gate)
        {
            if (snapshots.Count > 0 && epoch == snapshots[^1].Epoch && from != sequence + 1)
            {
                Gaps++;
            }

            updatesByEpoch[epoch] = updatesByEpoch.GetValueOrDefault(epoch) + 1;
            sequence = last;
        }
    }

    public void Status(bool stale)
    {
        lock (gate)
        {
            statuses.Add((DateTime.UtcNow, stale));
        }
    }

    /// <summary>Updates of epochs other than <paramref name="old"/>.</summary>
    public int EpochUpdatesAfter(long old)
    {
        lock (gate)
        {
            return updatesByEpoch.Where(e => e.Key != old).Sum(e => e.Value);
        }
    }

    public DateTime? StaleSince(DateTime after)
    {
        lock (gate)
        {
            // A chain already marked stale at that instant (a loaded machine can delay heartbeats past the bound) and
            // not live again since stays stale: its marker counts from when it was sent.
            var last = statuses.LastOrDefault(s => s.At < after);
            if (last.Stale)
            {
                return last.At;
            }

            return statuses.Where(s => s.Stale && s.At >= after).Select(s => (DateTime?)s.At).FirstOrDefault();
        }
    }

    /// <summary>When the first snapshot of an epoch newer than any before <paramref name="instant"/> arrived, if one did.</summary>
    public DateTime? NewEpochAfter(DateTime instant)
    {
        lock (gate)
        {
            var before = snapshots.Where(s => s.At < instant).Select(s => s.Epoch).ToHashSet();
            return snapshots.Where(s => s.At >= instant && !before.Contains(s.Epoch)).Select(s => (DateTime?)s.At).FirstOrDefault();
        }
    }
}
