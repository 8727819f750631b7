using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.MongoDB.Tests.Cluster;

/// <summary>
/// Known SPY ticks: underlying ticks one per 20 s from a whole minute in the past (so minute bars complete as
/// later ticks arrive), each of volume 1, and quotes of three strikes of the first expiry.
/// </summary>
internal sealed class MarketScenario
{
    public MarketScenario()
    {
        var now = DateTime.UtcNow;
        Instrument = DefaultInstruments.Create().Single(i => i.Symbol == "SPY");
        Listed = ExpiryCalendar.UpcomingExpiries(Instrument, ExchangeCalendars.Default.Get(Instrument.Market), now);
        Start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-10);
    }

    public InstrumentDefinition Instrument { get; }

    public IReadOnlyList<DateOnly> Listed { get; }

    public DateTime Start { get; }

    public ChainId Chain => new(Instrument.Symbol, Listed[0]);

    public static double Price(long sequence) => 600 + (sequence % 7);

    public DateTime At(long sequence) => Start.AddSeconds(20 * (sequence - 1));

    /// <summary>Underlying ticks <paramref name="first"/>..<paramref name="last"/>, with option quotes sequenced after them.</summary>
    public TickBatch Batch(long first, long last)
    {
        var underlying = new List<UnderlyingTick>();
        for (var s = first; s <= last; s++)
        {
            underlying.Add(new UnderlyingTick(At(s), s, Price(s), 1));
        }

        var at = At(last);
        OptionTick Quote(double strike, OptionRight right, long offset, double bid) =>
            new(Listed[0], strike, right, at, 1_000 * last + offset, bid, bid + 0.5, bid + 0.25, 10 * last, 100 * last);
        return new TickBatch(Instrument.Symbol, [.. underlying], [
            Quote(595, OptionRight.Call, 1, 12), Quote(595, OptionRight.Put, 2, 4),
            Quote(600, OptionRight.Call, 3, 8), Quote(600, OptionRight.Put, 4, 7),
            Quote(605, OptionRight.Call, 5, 5), Quote(605, OptionRight.Put, 6, 11)]);
    }
}
