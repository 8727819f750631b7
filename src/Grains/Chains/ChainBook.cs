using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// The state and computation of one option chain, free of Orleans: applies tick batches (dropping any tick
/// whose producer sequence is not above the watermark the batch found), and recomputes IV, Greeks and
/// analytics at one instant into a snapshot and the delta against the previous one.
/// </summary>
internal sealed class ChainBook
{
    private readonly ChainId chain;
    private readonly InstrumentDefinition instrument;
    private readonly TimeZoneInfo zone;
    private readonly DateTime settlementUtc;
    private readonly List<StrikeSlot> slots = [];
    private readonly Dictionary<double, StrikeSlot> byStrike = [];
    private readonly ChainAnalyticsCalculator analytics = new();
    private DateTime? spotTimestamp;
    private DateOnly? sessionDate;

    public ChainBook(ChainId chain, InstrumentDefinition instrument, ChainState? state = null)
    {
        this.chain = chain;
        this.instrument = instrument;
        zone = TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone);
        settlementUtc = ExpiryCalendar.SettlementUtc(instrument, chain.Expiry);
        Snapshot = new ChainSnapshot(
            chain.Symbol, chain.Expiry, null, null, instrument.Rate, instrument.DividendYield, instrument.Model, 0, default, 0, ChainAnalytics.Empty, []);
        if (state is not null)
        {
            Restore(state);
        }
    }

    public double? Spot { get; private set; }

    public long TickWatermark { get; private set; }

    public long UpdateSequence { get; private set; }

    /// <summary>The result of the last recompute.</summary>
    public ChainSnapshot Snapshot { get; private set; }

    public TickOutcome Apply(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var watermark = TickWatermark;
        var highest = watermark;
        int applied = 0, duplicates = 0, rejected = 0;
        StartSessionIfNewDay(batch);

        foreach (ref readonly var tick in batch.Underlying.AsSpan())
        {
            if (tick.Sequence <= watermark)
            {
                duplicates++;
            }
            else if (!TickValidation.IsValid(tick))
            {
                rejected++;
            }
            else
            {
                if (spotTimestamp is null || tick.Timestamp >= spotTimestamp)
                {
                    Spot = tick.Price;
                    spotTimestamp = tick.Timestamp;
                }

                highest = Math.Max(highest, tick.Sequence);
                applied++;
            }
        }

        foreach (ref readonly var tick in batch.Options.AsSpan())
        {
            if (tick.Sequence <= watermark)
            {
                duplicates++;
            }
            else if (tick.Expiry != chain.Expiry || !TickValidation.IsValid(tick))
            {
                rejected++;
            }
            else
            {
                ApplyQuote(tick);
                highest = Math.Max(highest, tick.Sequence);
                applied++;
            }
        }

        TickWatermark = highest;
        return new TickOutcome(applied, duplicates, rejected);
    }

    /// <summary>Recomputes every quoted option at <paramref name="utcNow"/> and returns the update to publish.</summary>
    public ChainUpdate Recompute(DateTime utcNow)
    {
        var time = ExpiryCalendar.YearsToExpiry(settlementUtc, utcNow);
        var rate = instrument.Rate;
        var dividendYield = instrument.DividendYield;
        var model = instrument.Model;
        double? forward = Spot is { } s ? Forward(model, s, time, rate, dividendYield) : null;
        var market = new ChainMarket(model, Spot, forward, time, rate, dividendYield, instrument.LotSize);
        var rows = new StrikeRow[slots.Count];
        var changed = new List<StrikeRow>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var row = new StrikeRow(
                slot.Strike,
                Quote(slot.Call, OptionType.Call, slot.Strike, market),
                Quote(slot.Put, OptionType.Put, slot.Strike, market));
            rows[i] = row;
            if (!row.Equals(slot.Published))
            {
                changed.Add(row);
                slot.Published = row;
            }
        }

        var chainAnalytics = analytics.Compute(slots, market);
        UpdateSequence++;
        var timeToExpiry = Math.Max(time, 0);
        Snapshot = new ChainSnapshot(
            chain.Symbol, chain.Expiry, Spot, forward, rate, dividendYield, model, timeToExpiry, utcNow, UpdateSequence, chainAnalytics, rows);
        return new ChainUpdate(chain.Symbol, chain.Expiry, UpdateSequence, Spot, forward, timeToExpiry, utcNow, chainAnalytics, changed);
    }

    public IReadOnlyList<StrikeActivity> Activity() =>
        [.. slots.Select(slot => new StrikeActivity(
            slot.Strike, PriceChange(slot.Call), OiChange(slot.Call), PriceChange(slot.Put), OiChange(slot.Put)))];

    public ChainState ToState()
    {
        var quotes = new List<StoredQuote>(slots.Count * 2);
        foreach (var slot in slots)
        {
            AddStored(slot.Strike, OptionRight.Call, slot.Call);
            AddStored(slot.Strike, OptionRight.Put, slot.Put);
        }

        return new ChainState
        {
            Spot = Spot,
            SpotTimestamp = spotTimestamp,
            TickWatermark = TickWatermark,
            UpdateSequence = UpdateSequence,
            SessionDate = sessionDate,
            Quotes = quotes,
        };

        void AddStored(double strike, OptionRight right, OptionSideState? side)
        {
            if (side is not null)
            {
                quotes.Add(new StoredQuote(strike, right, side.Bid, side.Ask, side.Last, side.Volume, side.Oi, side.SessionOpenOi, side.SessionOpenLast, side.Timestamp));
            }
        }
    }

    private void Restore(ChainState state)
    {
        Spot = state.Spot;
        spotTimestamp = state.SpotTimestamp;
        TickWatermark = state.TickWatermark;
        UpdateSequence = state.UpdateSequence;
        sessionDate = state.SessionDate;
        foreach (var q in state.Quotes)
        {
            var side = new OptionSideState
            {
                Bid = q.Bid,
                Ask = q.Ask,
                Last = q.Last,
                Volume = q.Volume,
                Oi = q.Oi,
                SessionOpenOi = q.SessionOpenOi,
                SessionOpenLast = q.SessionOpenLast,
                Timestamp = q.Timestamp,
            };
            var slot = SlotFor(q.Strike);
            if (q.Right == OptionRight.Call)
            {
                slot.Call = side;
            }
            else
            {
                slot.Put = side;
            }
        }
    }

    private void StartSessionIfNewDay(TickBatch batch)
    {
        var last = batch.Options.Length > 0 ? batch.Options[^1].Timestamp : batch.Underlying.Length > 0 ? batch.Underlying[^1].Timestamp : default;
        if (last == default)
        {
            return;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(last, DateTimeKind.Utc), zone));
        if (sessionDate is { } current && day <= current)
        {
            return;
        }

        sessionDate = day;
        foreach (var slot in slots)
        {
            slot.Call?.StartSession();
            slot.Put?.StartSession();
        }
    }

    private void ApplyQuote(in OptionTick tick)
    {
        var slot = SlotFor(tick.Strike);
        var side = tick.Right == OptionRight.Call ? slot.Call : slot.Put;
        var isNew = side is null;
        side ??= new OptionSideState();
        if (!isNew && tick.Timestamp < side.Timestamp)
        {
            return;
        }

        side.Bid = tick.Bid;
        side.Ask = tick.Ask;
        side.Last = tick.Last;
        side.Volume = tick.Volume;
        side.Oi = tick.OpenInterest;
        side.Timestamp = tick.Timestamp;
        if (isNew)
        {
            side.StartSession();
            if (tick.Right == OptionRight.Call)
            {
                slot.Call = side;
            }
            else
            {
                slot.Put = side;
            }
        }
    }

    private static double? PriceChange(OptionSideState? side) =>
        side is { Last: > 0, SessionOpenLast: > 0 } ? Math.Round(side.Last - side.SessionOpenLast, 10) : null;

    private static long OiChange(OptionSideState? side) => side is null ? 0 : side.Oi - side.SessionOpenOi;

    private StrikeSlot SlotFor(double strike)
    {
        if (byStrike.TryGetValue(strike, out var slot))
        {
            return slot;
        }

        slot = new StrikeSlot(strike);
        byStrike.Add(strike, slot);
        var index = slots.BinarySearch(slot, StrikeComparer.Instance);
        slots.Insert(~index, slot);
        return slot;
    }

    /// <summary>
    /// Under BSM the carry forward S e^{(r-q)T}. Under Black-76 the forward implied by put-call parity,
    /// F = K + (C - P) e^{rT}, on the pair with both sides quoted whose strike is nearest the carry forward;
    /// the carry forward when no such pair exists yet.
    /// </summary>
    private double Forward(PricingModel model, double spot, double time, double rate, double dividendYield)
    {
        var carry = spot * Math.Exp((rate - dividendYield) * Math.Max(time, 0));
        if (model != PricingModel.Black76 || time <= 0)
        {
            return carry;
        }

        StrikeSlot? pair = null;
        foreach (var slot in slots)
        {
            if (slot.Call is { Premium: > 0 } && slot.Put is { Premium: > 0 }
                && (pair is null || Math.Abs(slot.Strike - carry) < Math.Abs(pair.Strike - carry)))
            {
                pair = slot;
            }
        }

        return pair is null ? carry : PutCallParity.ImpliedForward(pair.Call!.Premium, pair.Put!.Premium, pair.Strike, time, rate);
    }

    private static OptionQuote? Quote(OptionSideState? side, OptionType type, double strike, ChainMarket market)
    {
        if (side is null)
        {
            return null;
        }

        var mid = side.Mid;
        var oiChange = OiChange(side);
        if (market.ExposureLevel is not { } level)
        {
            return Unpriced(side, mid, oiChange, IvStatus.InvalidInput);
        }

        // Unchanged inputs give the identical quote: re-solving from the previous IV could move it by an ulp.
        if (side.Computed is { } previous && level == side.ComputedLevel && market.Time == side.ComputedTime
            && previous.Bid == side.Bid && previous.Ask == side.Ask && previous.Last == side.Last
            && previous.Volume == side.Volume && previous.Oi == side.Oi && previous.OiChange == oiChange)
        {
            return previous;
        }

        side.ComputedLevel = level;
        side.ComputedTime = market.Time;
        side.Computed = Solve(side, type, strike, market, level, mid, oiChange);
        return side.Computed;
    }

    private static OptionQuote Solve(OptionSideState side, OptionType type, double strike, ChainMarket market, double level, double? mid, long oiChange)
    {
        var black76 = market.Model == PricingModel.Black76;
        var iv = black76
            ? ImpliedVolatility.FromForward(type, side.Premium, level, strike, market.Time, market.Rate, side.Iv)
            : ImpliedVolatility.FromSpot(type, side.Premium, level, strike, market.Time, market.Rate, market.DividendYield, side.Iv);
        if (!iv.IsOk)
        {
            return Unpriced(side, mid, oiChange, ToStatus(iv.Status));
        }

        var g = black76
            ? Black76.Greeks(type, level, strike, market.Time, market.Rate, iv.Volatility)
            : BlackScholesMerton.Greeks(type, level, strike, market.Time, market.Rate, market.DividendYield, iv.Volatility);
        side.Iv = iv.Volatility;
        side.Delta = g.Delta;
        side.Gamma = g.Gamma;
        return new OptionQuote(side.Bid, side.Ask, side.Last, mid, side.Volume, side.Oi, oiChange, iv.Volatility, IvStatus.Ok,
            g.Delta, g.Gamma, g.Theta, g.ThetaPerDay, g.Vega, g.VegaPerPoint, g.Rho, g.RhoPerPoint, g.Vanna, g.Volga, g.Charm);
    }

    /// <summary>The quote of an option without an implied volatility: its market data, the reason, no Greeks.</summary>
    private static OptionQuote Unpriced(OptionSideState side, double? mid, long oiChange, IvStatus status)
    {
        side.Iv = side.Delta = side.Gamma = double.NaN;
        return new OptionQuote(side.Bid, side.Ask, side.Last, mid, side.Volume, side.Oi, oiChange, null, status,
            null, null, null, null, null, null, null, null, null, null, null);
    }

    private static IvStatus ToStatus(ImpliedVolatilityStatus status) => status switch
    {
        ImpliedVolatilityStatus.Ok => IvStatus.Ok,
        ImpliedVolatilityStatus.BelowIntrinsic => IvStatus.BelowIntrinsic,
        ImpliedVolatilityStatus.AboveMaximum => IvStatus.AboveMaximum,
        ImpliedVolatilityStatus.AtIntrinsic => IvStatus.AtIntrinsic,
        ImpliedVolatilityStatus.Expired => IvStatus.Expired,
        _ => IvStatus.InvalidInput,
    };

    private sealed class StrikeComparer : IComparer<StrikeSlot>
    {
        public static readonly StrikeComparer Instance = new();

        public int Compare(StrikeSlot? x, StrikeSlot? y) => x!.Strike.CompareTo(y!.Strike);
    }
}
