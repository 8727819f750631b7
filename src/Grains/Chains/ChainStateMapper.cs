using DeltaStream.Grains.Sequencing;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>Copies a chain's quotes and watermarks to and from its persisted <see cref="ChainState"/>.</summary>
internal static class ChainStateMapper
{
    public static List<StoredQuote> Capture(ChainQuotes quotes)
    {
        var stored = new List<StoredQuote>(quotes.Slots.Count * 2);
        foreach (var slot in quotes.Slots)
        {
            Add(slot.Strike, OptionRight.Call, slot.Call);
            Add(slot.Strike, OptionRight.Put, slot.Put);
        }

        return stored;

        void Add(double strike, OptionRight right, OptionSideState? side)
        {
            if (side is { Quoted: true })
            {
                stored.Add(new StoredQuote(
                    Strike: strike, Right: right, Bid: side.Bid, Ask: side.Ask, Last: side.Last, Volume: side.Volume, Oi: side.Oi,
                    SessionOpenOi: side.SessionOpenOi, SessionOpenLast: side.SessionOpenLast, Timestamp: side.Timestamp,
                    Sequences: side.Sequences.ToState()));
            }
        }
    }

    public static void Restore(IEnumerable<StoredQuote> stored, ChainQuotes quotes)
    {
        foreach (var q in stored)
        {
            var side = quotes.GetOrAdd(q.Strike, q.Right);
            side.Quoted = true;
            side.Bid = q.Bid;
            side.Ask = q.Ask;
            side.Last = q.Last;
            side.Volume = q.Volume;
            side.Oi = q.Oi;
            side.SessionOpenOi = q.SessionOpenOi;
            side.SessionOpenLast = q.SessionOpenLast;
            side.Timestamp = q.Timestamp;
            foreach (var sequence in q.Sequences ?? [])
            {
                side.Sequences.TryAdvance(sequence.Source, sequence.Sequence);
            }
        }
    }
}
