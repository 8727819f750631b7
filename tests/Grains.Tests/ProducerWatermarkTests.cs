using DeltaStream.Grains.Sequencing;

namespace DeltaStream.Grains.Tests;

public sealed class ProducerWatermarkTests
{
    [Fact]
    public void A_sequence_above_its_producers_last_applies_equal_is_a_duplicate_below_is_stale()
    {
        var watermark = new ProducerWatermark();
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance(null, 0));
        Assert.Equal(SequenceVerdict.Duplicate, watermark.TryAdvance(null, 0));
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance(null, 5));
        Assert.Equal(SequenceVerdict.Stale, watermark.TryAdvance(null, 4));
        Assert.Equal(SequenceVerdict.Duplicate, watermark.TryAdvance(string.Empty, 5));
    }

    [Fact]
    public void Each_producer_has_its_own_watermark_and_all_of_them_round_trip_through_state()
    {
        var watermark = new ProducerWatermark();
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance("a", 100));
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance("b", 1));
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance(null, 50));
        Assert.Equal(SequenceVerdict.Apply, watermark.TryAdvance("b", 2));

        var restored = ProducerWatermark.FromState(watermark.ToState());

        Assert.Equal(
            [new ProducerSequence("", 50), new ProducerSequence("a", 100), new ProducerSequence("b", 2)],
            restored.ToState().OrderBy(p => p.Source, StringComparer.Ordinal));
        Assert.Equal(SequenceVerdict.Stale, restored.TryAdvance("a", 99));
        Assert.Equal(SequenceVerdict.Duplicate, restored.TryAdvance("b", 2));
        Assert.Equal(SequenceVerdict.Apply, restored.TryAdvance("c", 1));
    }
}
