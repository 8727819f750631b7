using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Feed.Synthetic;

/// <summary>
/// A reproducible market: one random source seeded from <see cref="FeedOptions.Seed"/> drives every underlying
/// in catalog order, so the same instruments, seed and step times give the same ticks.
/// </summary>
internal sealed class SyntheticMarket
{
    private readonly List<SimulatedUnderlying> underlyings;

    public SyntheticMarket(IReadOnlyList<InstrumentDefinition> instruments, FeedOptions options, DateTime startUtc, long startSequence)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        underlyings = [.. instruments.Select(i => new SimulatedUnderlying(i, options, random, startUtc, startSequence))];
    }

    public IReadOnlyList<SimulatedUnderlying> Underlyings => underlyings;

    /// <returns>One batch per underlying with every tick of this step.</returns>
    public IReadOnlyList<TickBatch> Step(DateTime utcNow) => [.. underlyings.Select(u => u.Step(utcNow))];
}
