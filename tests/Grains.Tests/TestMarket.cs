using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

/// <summary>Builders for ticks of the default NIFTY listing at its first upcoming expiry.</summary>
internal static class TestMarket
{
    public static InstrumentDefinition Nifty { get; } = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");

    /// <summary>The default NIFTY listing with another pricing model (each call gets its own instance).</summary>
    public static InstrumentDefinition NiftyWith(PricingModel model)
    {
        var nifty = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");
        nifty.Model = model;
        return nifty;
    }

    public static DateOnly FirstExpiry(DateTime utcNow) => ExpiryCalendar.UpcomingExpiries(Nifty, ExchangeCalendars.Default.Get(Nifty.Market), utcNow)[0];

    public static UnderlyingTick Spot(long sequence, double price, DateTime at, long volume = 10) => new(at, sequence, price, volume);

    public static OptionTick Option(DateOnly expiry, double strike, OptionRight right, long sequence, double bid, double ask, DateTime at, long volume = 100, long oi = 1000) =>
        new(expiry, strike, right, at, sequence, bid, ask, 0.5 * (bid + ask), volume, oi);

    public static TickBatch Batch(UnderlyingTick[] underlying, params OptionTick[] options) => new("NIFTY", underlying, options);
}
