namespace DeltaStream.Grains.Sequencing;

/// <summary>
/// The dedupe watermark of one instrument (an underlying, or one option contract): the last applied sequence of
/// each producer. A tick at or below its producer's watermark is dropped, so replays and redeliveries are harmless
/// while several producers of one instrument never shadow each other. The first producer seen (almost always the
/// only one) is held in fields, so the common path allocates nothing.
/// </summary>
internal sealed class ProducerWatermark
{
    private const long None = -1;
    private string? firstSource;
    private long firstSequence = None;
    private Dictionary<string, long>? others;

    /// <summary>Accepts <paramref name="sequence"/> when it is above its producer's watermark and moves the watermark to it.</summary>
    /// <param name="source">The producer; null or empty is the default producer.</param>
    public SequenceVerdict TryAdvance(string? source, long sequence)
    {
        source ??= string.Empty;
        if (firstSequence == None || string.Equals(firstSource, source, StringComparison.Ordinal))
        {
            var verdict = Judge(firstSequence, sequence);
            if (verdict == SequenceVerdict.Apply)
            {
                firstSource = source;
                firstSequence = sequence;
            }

            return verdict;
        }

        others ??= new Dictionary<string, long>(StringComparer.Ordinal);
        var last = others.GetValueOrDefault(source, None);
        var result = Judge(last, sequence);
        if (result == SequenceVerdict.Apply)
        {
            others[source] = sequence;
        }

        return result;
    }

    public List<ProducerSequence> ToState()
    {
        var list = new List<ProducerSequence>(1 + (others?.Count ?? 0));
        if (firstSequence != None)
        {
            list.Add(new ProducerSequence(firstSource!, firstSequence));
        }

        if (others is not null)
        {
            list.AddRange(others.Select(p => new ProducerSequence(p.Key, p.Value)));
        }

        return list;
    }

    public static ProducerWatermark FromState(IEnumerable<ProducerSequence>? stored)
    {
        var watermark = new ProducerWatermark();
        foreach (var entry in stored ?? [])
        {
            watermark.TryAdvance(entry.Source, entry.Sequence);
        }

        return watermark;
    }

    private static SequenceVerdict Judge(long last, long sequence) =>
        sequence > last ? SequenceVerdict.Apply : sequence == last ? SequenceVerdict.Duplicate : SequenceVerdict.Stale;
}
