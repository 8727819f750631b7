using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Feed.Synthetic;

/// <summary>
/// One underlying of the synthetic market: spot follows geometric Brownian motion in trading time; each step
/// quotes a random subset of its options from the volatility surface with a spread that widens away from the
/// money; volume accumulates and open interest moves in small steps from where it was.
/// </summary>
internal sealed class SimulatedUnderlying
{
    /// <summary>252 sessions of 6.5 hours: the spot's volatility applies to trading time.</summary>
    private const double TradingSecondsPerYear = 252 * 6.5 * 3600;

    private readonly InstrumentDefinition instrument;
    private readonly ExchangeCalendar calendar;
    private readonly FeedOptions options;
    private readonly Random random;
    private readonly List<SimulatedExpiry> expiries = [];
    private long sequence;
    private DateTime lastStep;

    public SimulatedUnderlying(InstrumentDefinition instrument, ExchangeCalendar calendar, FeedOptions options, Random random, DateTime startUtc, long startSequence)
    {
        this.instrument = instrument;
        this.calendar = calendar;
        this.options = options;
        this.random = random;
        Spot = instrument.BasePrice;
        sequence = startSequence;
        lastStep = startUtc;
        ListExpiries(startUtc);
    }

    public double Spot { get; private set; }

    public IReadOnlyList<SimulatedExpiry> Expiries => expiries;

    public IReadOnlyCollection<DateOnly> ListedExpiries => [.. expiries.Select(e => e.Expiry)];

    /// <summary>Whether the instrument's exchange is in its regular session at <paramref name="utcNow"/>.</summary>
    public bool InSession(DateTime utcNow) => calendar.StatusAt(utcNow).State == MarketState.Open;

    /// <summary>A step outside the session: no ticks, and the closed hours do not move the spot when it reopens.</summary>
    public TickBatch Pause(DateTime utcNow)
    {
        lastStep = utcNow;
        ListExpiries(utcNow);
        return new TickBatch(instrument.Symbol, [], []);
    }

    public TickBatch Step(DateTime utcNow)
    {
        var seconds = Math.Max((utcNow - lastStep).TotalSeconds, 0) * options.TimeScale;
        lastStep = utcNow;
        var dt = seconds / TradingSecondsPerYear;
        var sigma = instrument.AtmVolatility;
        Spot *= Math.Exp((-0.5 * sigma * sigma * dt) + (sigma * Math.Sqrt(dt) * Gaussian()));
        ListExpiries(utcNow);

        var underlying = new UnderlyingTick(utcNow, ++sequence, Math.Round(Spot, 2), 1 + random.Next(500));
        var ticks = new List<OptionTick>();
        foreach (var expiry in expiries)
        {
            var time = ExpiryCalendar.YearsToExpiry(instrument, calendar, expiry.SettlementUtc, utcNow);
            if (time <= 0)
            {
                continue;
            }

            var forward = Spot * Math.Exp((instrument.Rate - instrument.DividendYield) * time);
            var atmVol = VolatilitySurface.AtmVolatility(sigma, time);
            foreach (var option in expiry.Options)
            {
                // Every option is quoted in its first step, so a chain opened right after start has no blank legs;
                // the draw is taken either way so a seed's market does not depend on when options were listed.
                if (random.NextDouble() < options.OptionQuoteProbability || !option.Quoted)
                {
                    ticks.Add(Quote(expiry.Expiry, option, utcNow, time, forward, atmVol));
                }
            }
        }

        return new TickBatch(instrument.Symbol, [underlying], [.. ticks], options.Source);
    }

    private OptionTick Quote(DateOnly expiry, SimulatedOption option, DateTime utcNow, double time, double forward, double atmVol)
    {
        var z = VolatilitySurface.StandardisedMoneyness(option.Strike, forward, atmVol, time);
        var vol = VolatilitySurface.Volatility(atmVol, z);
        var type = option.IsCall ? OptionType.Call : OptionType.Put;
        // American instruments quote at least intrinsic, which an American option is always worth; the American engine
        // itself per quote would cost the feed more than its tick interval.
        var theo = BlackScholesMerton.Price(type, Spot, option.Strike, time, instrument.Rate, instrument.DividendYield, vol);
        if (instrument.Exercise == ExerciseStyle.American)
        {
            theo = Math.Max(theo, option.IsCall ? Spot - option.Strike : option.Strike - Spot);
        }

        var tick = instrument.TickSize;
        var halfSpread = Math.Max(tick, theo * (0.004 + (0.01 * Math.Abs(z))));
        var bid = Math.Max(0, Math.Floor((theo - halfSpread) / tick) * tick);
        var ask = Math.Max(bid + tick, Math.Ceiling((theo + halfSpread) / tick) * tick);
        var last = Math.Max(0, Math.Round((theo + ((random.NextDouble() - 0.5) * halfSpread)) / tick) * tick);

        // Trading concentrates near the money; each trade also opens or closes some contracts.
        var traded = (long)(-Math.Log(1.0 - random.NextDouble()) * 40.0 * Math.Exp(-z * z / 8.0));
        option.Volume += traded;
        option.OpenInterest = Math.Max(0, option.OpenInterest + (long)Math.Round(traded * (random.NextDouble() - 0.45)));
        option.Last = last;
        option.Quoted = true;

        return new OptionTick(expiry, option.Strike, option.IsCall ? OptionRight.Call : OptionRight.Put, utcNow, ++sequence,
            Math.Round(bid, 6), Math.Round(ask, 6), Math.Round(last, 6), option.Volume, option.OpenInterest);
    }

    private void ListExpiries(DateTime utcNow)
    {
        expiries.RemoveAll(e => e.SettlementUtc <= utcNow);
        foreach (var expiry in ExpiryCalendar.UpcomingExpiries(instrument, calendar, utcNow))
        {
            if (expiries.TrueForAll(e => e.Expiry != expiry))
            {
                expiries.Add(new SimulatedExpiry(expiry, ExpiryCalendar.SettlementUtc(instrument, calendar, expiry), ListOptions()));
            }
        }
    }

    /// <summary>Strikes around the spot; open interest peaks near the money, calls heavier above, puts below.</summary>
    private List<SimulatedOption> ListOptions()
    {
        var step = instrument.StrikeStep;
        var atm = Math.Round(Spot / step) * step;
        var list = new List<SimulatedOption>();
        for (var i = -instrument.StrikesEachSide; i <= instrument.StrikesEachSide; i++)
        {
            var strike = Math.Round(atm + (i * step), 6);
            var peak = 50_000.0 * Math.Exp(-(i * i) / 128.0);
            var tilt = 0.5 * Math.Tanh(i / 5.0);
            list.Add(new SimulatedOption(strike, true, (long)(peak * (1 + tilt) * (0.8 + (0.4 * random.NextDouble())))));
            list.Add(new SimulatedOption(strike, false, (long)(peak * (1 - tilt) * (0.8 + (0.4 * random.NextDouble())))));
        }

        return list;
    }

    private double Gaussian()
    {
        // Box-Muller; 1 - U keeps the logarithm finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
