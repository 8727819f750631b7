using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Feed.Synthetic;

/// <summary>
/// A reproducible market: one random source seeded from <see cref="FeedOptions.Seed"/> drives every underlying
/// in catalog order, so the same instruments, seed and step times give the same ticks. Each symbol's sequences
/// continue after the last one its producer wrote.
/// </summary>
internal sealed class SyntheticMarket
{
    private readonly List<SimulatedUnderlying> underlyings;
    private readonly bool sessionOnly;

    /// <param name="lastSequence">The last sequence already written for a symbol (0 when none).</param>
    public SyntheticMarket(IReadOnlyList<InstrumentDefinition> instruments, ExchangeCalendars calendars, FeedOptions options, DateTime startUtc, Func<string, long> lastSequence)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lastSequence);
        sessionOnly = options.Hours == FeedHours.Calendar;
        var random = new Random(options.Seed);
        underlyings = [.. instruments.Select(i => new SimulatedUnderlying(i, calendars.Get(i.Market), options, random, startUtc, lastSequence(i.Symbol)))];
    }

    public IReadOnlyList<SimulatedUnderlying> Underlyings => underlyings;

    /// <returns>
    /// One batch per underlying with every tick of this step; with <see cref="FeedHours.Calendar"/> an empty one for an
    /// underlying whose exchange is not in its regular session.
    /// </returns>
    public IReadOnlyList<TickBatch> Step(DateTime utcNow) =>
        [.. underlyings.Select(u => sessionOnly && !u.InSession(utcNow) ? u.Pause(utcNow) : u.Step(utcNow))];
}
