using System.Diagnostics;

namespace DeltaStream.FanoutBench;

/// <summary>
/// What one client saw of its chain: messages, sequence gaps within an epoch, and every tick it sees for the first
/// time (an OI, which is the tick's id, it has not seen before) with when it saw it. Its latencies are taken after the
/// run: a client can see a tick before the writer has Redis' answer with the entry's id. Seen ids are bits over the
/// writer's slots: a row repeats its contract's last OI in every message that carries it, and a bit test costs the
/// driver, which shares the cores it measures, far less than a lookup by contract.
/// </summary>
internal sealed class ChainTracker(TickWriter writer)
{
    private readonly ulong[] seen = new ulong[(writer.SlotCount + 63) / 64];
    private readonly Lock gate = new();
    private long epoch;
    private long sequence;

    /// <summary>Each tick seen first while recording: its id and the Stopwatch timestamp of its receipt.</summary>
    public List<(long Id, long ReceivedAt)> Sightings { get; } = new(4096);

    /// <summary>Per update: from its computation in the grain (<c>updatedAt</c>) to its receipt here.</summary>
    public List<double> DeliveryMs { get; } = new(1024);

    public long Messages { get; private set; }

    /// <summary>The JSON bytes of the updates seen while recording (the raw client only).</summary>
    public long UpdateBytes { get; set; }

    public long Gaps { get; private set; }

    /// <summary>Latencies are recorded only while this is set (after warm-up).</summary>
    public bool Recording { get; set; }

    /// <summary>
    /// One snapshot or update; <paramref name="rows"/> are (strike, call OI or -1, put OI or -1), and
    /// <paramref name="deliveryMs"/> how long ago the grain computed it.
    /// </summary>
    public void Receive(long messageEpoch, long last, long? fromSequence, bool snapshot, IReadOnlyList<(double Strike, long CallOi, long PutOi)> rows, long receivedAt, double deliveryMs)
    {
        lock (gate)
        {
            Messages++;
            if (!snapshot && Recording)
            {
                DeliveryMs.Add(deliveryMs);
            }

            if (!snapshot && messageEpoch == epoch && fromSequence != sequence + 1)
            {
                Gaps++;
            }

            (epoch, sequence) = (messageEpoch, last);
            // By index: a foreach over the interface would box the list's enumerator on every message.
            for (var i = 0; i < rows.Count; i++)
            {
                See(rows[i].CallOi, receivedAt, snapshot);
                See(rows[i].PutOi, receivedAt, snapshot);
            }
        }
    }

    private void See(long id, long now, bool snapshot)
    {
        var slot = writer.SlotOf(id);
        if (slot < 0)
        {
            return;
        }

        ref var word = ref seen[slot >> 6];
        var bit = 1UL << (int)(slot & 63);
        if ((word & bit) != 0)
        {
            return;
        }

        word |= bit;
        if (!snapshot && Recording && writer.WrittenAt(id) > 0)
        {
            Sightings.Add((id, now));
        }
    }
}
