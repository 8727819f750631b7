using DeltaStream.Calendars;
using DeltaStream.Grains.Sequencing;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// The state of one option chain, free of Orleans. Applying a batch checks each tick (validity, the strike ladder, then
/// its producer's watermark for that instrument: the underlying, or one contract) and only a tick that passes changes anything:
/// the session rollover, the spot, a quote. Recomputing values the chain at one instant through
/// <see cref="ChainPricer"/>; updates are numbered from 1 within the book's epoch (sequences are never restored,
/// so a restored chain starts a new epoch instead of repeating numbers it may already have sent).
/// </summary>
internal sealed class ChainBook
{
    private readonly ChainId chain;
    private readonly InstrumentDefinition instrument;
    private readonly ChainQuotes quotes = new();
    private readonly ChainPricer pricer;
    private readonly TradingDay session;
    private readonly ProducerWatermark spotSequences;
    private DateTime? spotTimestamp;

    public ChainBook(ChainId chain, InstrumentDefinition instrument, ExchangeCalendar calendar, ChainState? state = null, long epoch = 0)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        this.chain = chain;
        this.instrument = instrument;
        pricer = new ChainPricer(chain, instrument, calendar);
        session = new TradingDay(calendar);
        Epoch = epoch;
        Snapshot = pricer.Empty(epoch);
        spotSequences = ProducerWatermark.FromState(state?.SpotSequences);
        if (state is not null)
        {
            Spot = state.Spot;
            spotTimestamp = state.SpotTimestamp;
            session.Restore(state.SessionDate);
            ChainStateMapper.Restore(state.Quotes, quotes);
            Settlement = state.SettledAt is { } settledAt ? new ChainSettlement(settledAt, state.SettlementPrice) : null;
        }
    }

    /// <summary>How the chain settled; null while it trades.</summary>
    public ChainSettlement? Settlement { get; private set; }

    public double? Spot { get; private set; }

    public long Epoch { get; }

    public long UpdateSequence { get; private set; }

    /// <summary>True once any tick has been applied (now or before a restart).</summary>
    public bool HasData => Spot is not null || quotes.Slots.Count > 0;

    /// <summary>The result of the last recompute.</summary>
    public ChainSnapshot Snapshot { get; private set; }

    public TickOutcome Apply(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var tally = new TickTally();
        if (Settlement is not null)
        {
            // A settled chain's quotes are final: ticks still in flight at the settlement instant change nothing.
            tally.Rejected += batch.Underlying.Length + batch.Options.Length;
            return tally.ToOutcome();
        }

        foreach (ref readonly var tick in batch.Underlying.AsSpan())
        {
            if (!TickValidation.IsValid(tick))
            {
                tally.Rejected++;
            }
            else if (tally.Accept(spotSequences.TryAdvance(batch.Source, tick.Sequence)))
            {
                EnterSession(tick.Timestamp);
                if (spotTimestamp is null || tick.Timestamp >= spotTimestamp)
                {
                    Spot = tick.Price;
                    spotTimestamp = tick.Timestamp;
                }

                tally.Applied++;
            }
        }

        foreach (ref readonly var tick in batch.Options.AsSpan())
        {
            if (tick.Expiry != chain.Expiry || !TickValidation.IsValid(tick))
            {
                tally.Rejected++;
                continue;
            }

            if (!ListedStrikes.Contains(instrument, tick.Strike))
            {
                tally.OffLadder++;
                continue;
            }

            var side = quotes.Find(tick.Strike, tick.Right);
            if (side is not null && !tally.Accept(side.Sequences.TryAdvance(batch.Source, tick.Sequence)))
            {
                continue;
            }

            EnterSession(tick.Timestamp);
            if (side is null)
            {
                side = quotes.GetOrAdd(tick.Strike, tick.Right);
                side.Sequences.TryAdvance(batch.Source, tick.Sequence);
            }

            side.Apply(tick);
            tally.Applied++;
        }

        return tally.ToOutcome();
    }

    /// <summary>
    /// Settles the chain at <paramref name="settlementUtc"/>: the spot then is its settlement price, and from now on
    /// it takes no ticks and values every quote at the settlement instant (time to expiry 0, IV status expired).
    /// </summary>
    /// <returns>False when it had settled already.</returns>
    public bool Settle(DateTime settlementUtc)
    {
        if (Settlement is not null)
        {
            return false;
        }

        Settlement = new ChainSettlement(settlementUtc, Spot);
        return true;
    }

    /// <summary>Recomputes every quoted option at <paramref name="utcNow"/> (a settled chain at its settlement) and returns the update to publish.</summary>
    public ChainUpdate Recompute(DateTime utcNow)
    {
        var at = Settlement?.SettledAt ?? utcNow;
        var (snapshot, update) = pricer.Recompute(quotes.Slots, Spot, at, Epoch, UpdateSequence + 1, Settlement);
        UpdateSequence++;
        Snapshot = snapshot;
        return update;
    }

    public IReadOnlyList<StrikeActivity> Activity() =>
        [.. quotes.Slots.Select(slot => new StrikeActivity(
            slot.Strike, slot.Call?.PriceChange, slot.Call?.OiChange ?? 0, slot.Put?.PriceChange, slot.Put?.OiChange ?? 0))];

    public ChainState ToState() => new()
    {
        Spot = Spot,
        SpotTimestamp = spotTimestamp,
        SpotSequences = spotSequences.ToState(),
        SessionDate = session.Date,
        Quotes = ChainStateMapper.Capture(quotes),
        SettledAt = Settlement?.SettledAt,
        SettlementPrice = Settlement?.Price,
    };

    /// <summary>An applied tick of a later exchange day closes the session: current quotes become its base.</summary>
    private void EnterSession(DateTime timestamp)
    {
        if (session.Enter(timestamp))
        {
            quotes.StartSession();
        }
    }
}
