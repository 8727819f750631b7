using DeltaStream.Analytics;
using DeltaStream.Analytics.American;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Analytics.Volatility;
using DeltaStream.Calendars;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// Values a chain at one instant: IV and Greeks of every quoted option at the current spot (or forward), the chain
/// analytics, and the rows that changed since the previous recompute. An American instrument is valued by the American
/// engine from spot with its cash dividends ex-dated before settlement; its model is american-fp.
/// </summary>
internal sealed class ChainPricer
{
    private readonly ChainId chain;
    private readonly InstrumentDefinition instrument;
    private readonly ExchangeCalendar calendar;
    private readonly DateTime settlementUtc;
    private readonly PricingModel model;
    private readonly ChainDividends dividends;
    private readonly ChainAnalyticsCalculator analytics = new();
    private readonly double daysPerYear;

    public ChainPricer(ChainId chain, InstrumentDefinition instrument, ExchangeCalendar calendar)
    {
        this.chain = chain;
        this.instrument = instrument;
        this.calendar = calendar;
        daysPerYear = ExpiryCalendar.DaysPerYearOf(instrument.TimeBasis);
        settlementUtc = ExpiryCalendar.SettlementUtc(instrument, calendar, chain.Expiry);
        model = instrument.Exercise == ExerciseStyle.American ? PricingModel.AmericanFp : instrument.Model;
        dividends = new ChainDividends(instrument, calendar, settlementUtc);
    }

    public ChainSnapshot Empty(long epoch) => new(
        Symbol: chain.Symbol,
        Expiry: chain.Expiry,
        Spot: null,
        Forward: null,
        Rate: instrument.Rate,
        DividendYield: instrument.DividendYield,
        Model: model,
        TimeToExpiry: 0,
        UpdatedAt: default,
        Epoch: epoch,
        Sequence: 0,
        Analytics: ChainAnalytics.Empty,
        Strikes: [],
        TimeBasis: instrument.TimeBasis,
        Exercise: instrument.Exercise);

    /// <summary>Recomputes every quoted option at <paramref name="utcNow"/> as update number <paramref name="sequence"/> of <paramref name="epoch"/>.</summary>
    public (ChainSnapshot Snapshot, ChainUpdate Update) Recompute(IReadOnlyList<StrikeSlot> slots, double? spot, DateTime utcNow, long epoch, long sequence, ChainSettlement? settlement = null)
    {
        var status = settlement is null ? ChainLifecycle.Live : ChainLifecycle.Settled;
        var time = ExpiryCalendar.YearsToExpiry(instrument, calendar, settlementUtc, utcNow);
        var (rate, dividendYield) = (instrument.Rate, instrument.DividendYield);
        var cash = dividends.At(utcNow, time);
        double? forward = spot is { } s ? Forward(slots, model, s, time, rate, dividendYield, cash) : null;
        var market = new ChainMarket(model, spot, forward, time, rate, dividendYield, instrument.LotSize, daysPerYear);
        var rows = new StrikeRow[slots.Count];
        var changed = new List<StrikeRow>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var call = Quote(slot.Call, OptionType.Call, slot.Strike, market, cash);
            var put = Quote(slot.Put, OptionType.Put, slot.Strike, market, cash);
            if (slot.Published is { } published && ReferenceEquals(published.Call, call) && ReferenceEquals(published.Put, put))
            {
                // Both quotes were reused, so the row is the one already published: no new row, no field-by-field compare.
                rows[i] = published;
                continue;
            }

            var row = new StrikeRow(slot.Strike, call, put);
            rows[i] = row;
            if (!row.Equals(slot.Published))
            {
                changed.Add(row);
                slot.Published = row;
            }
        }

        var chainAnalytics = analytics.Compute(slots, market);
        var timeToExpiry = Math.Max(time, 0);
        var snapshot = new ChainSnapshot(
            Symbol: chain.Symbol,
            Expiry: chain.Expiry,
            Spot: spot,
            Forward: forward,
            Rate: rate,
            DividendYield: dividendYield,
            Model: model,
            TimeToExpiry: timeToExpiry,
            UpdatedAt: utcNow,
            Epoch: epoch,
            Sequence: sequence,
            Analytics: chainAnalytics,
            Strikes: rows,
            Status: status,
            Settlement: settlement,
            TimeBasis: instrument.TimeBasis,
            Exercise: instrument.Exercise);
        var update = new ChainUpdate(
            Symbol: chain.Symbol,
            Expiry: chain.Expiry,
            Epoch: epoch,
            Sequence: sequence,
            Spot: spot,
            Forward: forward,
            TimeToExpiry: timeToExpiry,
            UpdatedAt: utcNow,
            Analytics: chainAnalytics,
            Strikes: changed,
            Status: status,
            Settlement: settlement);
        return (snapshot, update);
    }

    /// <summary>
    /// Under BSM (and American exercise) the carry forward (S - PV of cash dividends) e^{(r-q)T}. Under Black-76 the forward implied by put-call parity,
    /// F = K + (C - P) e^{rT}, on the pair with both sides quoted whose strike is nearest the carry forward;
    /// the carry forward when no such pair exists yet.
    /// </summary>
    private static double Forward(IReadOnlyList<StrikeSlot> slots, PricingModel model, double spot, double time, double rate, double dividendYield, ReadOnlySpan<CashDividend> cash)
    {
        var presentDividends = 0.0;
        foreach (var d in cash)
        {
            presentDividends += d.Amount * Math.Exp(-rate * d.Time);
        }

        var carry = (spot - presentDividends) * Math.Exp((rate - dividendYield) * Math.Max(time, 0));
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

    private static OptionQuote? Quote(OptionSideState? side, OptionType type, double strike, ChainMarket market, ReadOnlySpan<CashDividend> cash)
    {
        if (side is null)
        {
            return null;
        }

        var oiChange = side.OiChange;
        var level = market.ExposureLevel;

        // Unchanged inputs give the identical quote, the same object: re-solving from the previous IV could move it by
        // an ulp, and a new object per side per recompute was most of the silo's allocation. Without a level nothing
        // is priced, so the time does not matter.
        if (side.Computed is { } previous && SameMarketData(previous, side, oiChange)
            && (level is { } l ? l == side.ComputedLevel && market.Time == side.ComputedTime : double.IsNaN(side.ComputedLevel)))
        {
            return previous;
        }

        side.ComputedLevel = level ?? double.NaN;
        side.ComputedTime = market.Time;
        side.Computed = level is not { } exposureLevel ? Unpriced(side, side.Mid, oiChange, IvStatus.InvalidInput)
            : market.Model == PricingModel.AmericanFp ? SolveAmerican(side, type, strike, market, exposureLevel, cash, side.Mid, oiChange)
            : Solve(side, type, strike, market, exposureLevel, side.Mid, oiChange);
        return side.Computed;
    }

    private static bool SameMarketData(OptionQuote quote, OptionSideState side, long oiChange) =>
        quote.Bid == side.Bid && quote.Ask == side.Ask && quote.Last == side.Last && quote.Volume == side.Volume
        && quote.Oi == side.Oi && quote.OiChange == oiChange && quote.Change == side.PriceChange;

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
        return new OptionQuote(
            Bid: side.Bid, Ask: side.Ask, Last: side.Last, Change: side.PriceChange, Mid: mid, Volume: side.Volume, Oi: side.Oi, OiChange: oiChange,
            Iv: iv.Volatility, IvStatus: IvStatus.Ok,
            Delta: g.Delta, Gamma: g.Gamma, Theta: g.Theta, ThetaPerDay: g.Theta / market.DaysPerYear, Vega: g.Vega, VegaPerPoint: g.VegaPerPoint,
            Rho: g.Rho, RhoPerPoint: g.RhoPerPoint, Vanna: g.Vanna, Volga: g.Volga, Charm: g.Charm);
    }

    /// <summary>
    /// IV and Greeks by the American engine at the chain's accuracy, warm-started from the previous IV, boundary and vega,
    /// Greeks from the converged boundary. It gives no vanna, volga or charm.
    /// </summary>
    private static OptionQuote SolveAmerican(OptionSideState side, OptionType type, double strike, ChainMarket market, double spot, ReadOnlySpan<CashDividend> cash, double? mid, long oiChange)
    {
        side.American ??= new AmericanWarmStart();
        var solved = AmericanImpliedVolatility.WithGreeks(type, side.Premium, spot, strike, market.Time, market.Rate, market.DividendYield, cash, side.American, side.Iv, AmericanAccuracy.Chain);
        if (!solved.ImpliedVolatility.IsOk)
        {
            return Unpriced(side, mid, oiChange, ToStatus(solved.ImpliedVolatility.Status));
        }

        var g = solved.Greeks;
        side.Iv = solved.ImpliedVolatility.Volatility;
        side.Delta = g.Delta;
        side.Gamma = g.Gamma;
        return new OptionQuote(
            Bid: side.Bid, Ask: side.Ask, Last: side.Last, Change: side.PriceChange, Mid: mid, Volume: side.Volume, Oi: side.Oi, OiChange: oiChange,
            Iv: side.Iv, IvStatus: IvStatus.Ok,
            Delta: g.Delta, Gamma: g.Gamma, Theta: g.Theta, ThetaPerDay: g.Theta / market.DaysPerYear, Vega: g.Vega, VegaPerPoint: g.VegaPerPoint,
            Rho: g.Rho, RhoPerPoint: g.RhoPerPoint, Vanna: null, Volga: null, Charm: null,
            EarlyExercisePremium: g.EarlyExercisePremium);
    }

    /// <summary>The quote of an option without an implied volatility: its market data, the reason, no Greeks.</summary>
    private static OptionQuote Unpriced(OptionSideState side, double? mid, long oiChange, IvStatus status)
    {
        side.Iv = side.Delta = side.Gamma = double.NaN;
        return new OptionQuote(
            Bid: side.Bid, Ask: side.Ask, Last: side.Last, Change: side.PriceChange, Mid: mid, Volume: side.Volume, Oi: side.Oi, OiChange: oiChange,
            Iv: null, IvStatus: status,
            Delta: null, Gamma: null, Theta: null, ThetaPerDay: null, Vega: null, VegaPerPoint: null,
            Rho: null, RhoPerPoint: null, Vanna: null, Volga: null, Charm: null);
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
}
