using System.Diagnostics;

namespace DeltaStream.FanoutBench;

/// <summary>
/// What one client saw of its chain: messages, sequence gaps within an epoch, and every tick it sees for the first
/// time (a contract's OI above what it saw before) with when it saw it. Its latencies are taken after the run: a
/// client can see a tick before the writer has Redis' answer with the entry's id.
/// </summary>
internal sealed class ChainTracker(TickWriter writer)
{
    private readonly Dictionary<(double Strike, bool Call), long> seen = [];
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
            foreach (var (strike, callOi, putOi) in rows)
            {
                See(callOi, strike, true, receivedAt, snapshot);
                See(putOi, strike, false, receivedAt, snapshot);
            }
        }
    }

    private void See(long id, double strike, bool call, long now, bool snapshot)
    {
        if (id < 0 || (seen.TryGetValue((strike, call), out var previous) && previous >= id))
        {
            return;
        }

        seen[(strike, call)] = id;
        if (!snapshot && Recording && writer.WrittenAt(id) > 0)
        {
            Sightings.Add((id, now));
        }
    }
}
