using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Grains.History;
using DeltaStream.Grains.Sequencing;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Underlyings;

/// <summary>
/// An underlying's trading session over its persisted state: open/high/low/last and volume of the exchange's
/// trading day (which starts at its session's start); an applied tick of a later trading day closes the session (its last becomes prevClose) and opens the next.
/// A tick is applied when it is valid and above its producer's watermark.
/// </summary>
internal sealed class UnderlyingSession
{
    private readonly string symbol;
    private readonly TradingDay day;
    private readonly ProducerWatermark sequences;
    private readonly MinuteBarBuilder? bars;

    /// <param name="bars">Where every applied tick is also counted, if anywhere.</param>
    public UnderlyingSession(string symbol, ExchangeCalendar calendar, UnderlyingState state, MinuteBarBuilder? bars = null)
    {
        this.bars = bars;
        ArgumentNullException.ThrowIfNull(state);
        this.symbol = symbol;
        State = state;
        day = new TradingDay(calendar);
        day.Restore(state.SessionDate);
        sequences = ProducerWatermark.FromState(state.Sequences);
    }

    public UnderlyingState State { get; }

    public TickOutcome Apply(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var tally = new TickTally();
        foreach (ref readonly var tick in batch.Underlying.AsSpan())
        {
            if (!TickValidation.IsValid(tick))
            {
                tally.Rejected++;
                continue;
            }

            if (!tally.Accept(sequences.TryAdvance(batch.Source, tick.Sequence)))
            {
                continue;
            }

            if (day.Enter(tick.Timestamp))
            {
                State.PrevClose = State.Last ?? State.PrevClose;
                State.SessionDate = day.Date;
                State.Open = State.High = State.Low = tick.Price;
                State.Volume = 0;
            }

            State.High = Math.Max(State.High ?? tick.Price, tick.Price);
            State.Low = Math.Min(State.Low ?? tick.Price, tick.Price);
            State.Last = tick.Price;
            State.Volume += tick.Volume;
            State.UpdatedAt = tick.Timestamp;
            State.LastSequence = tick.Sequence;
            bars?.Record(tick);
            tally.Applied++;
        }

        return tally.ToOutcome();
    }

    /// <summary>Writes the producer watermarks into <see cref="State"/> before it is persisted.</summary>
    public void CaptureSequences() => State.Sequences = sequences.ToState();

    public UnderlyingSnapshot Snapshot()
    {
        var reference = State.PrevClose ?? State.Open;
        // Rounded past any quoted precision: only the binary representation noise of the subtraction goes.
        double? change = State.Last - reference is { } c ? Math.Round(c, 10) : null;
        double? changePct = reference is > 0 && change is { } d ? Math.Round(100.0 * d / reference.Value, 10) : null;
        return new UnderlyingSnapshot(
            Symbol: symbol, Spot: State.Last, Open: State.Open, High: State.High, Low: State.Low, PrevClose: State.PrevClose,
            Change: change, ChangePct: changePct, Volume: State.Volume, UpdatedAt: State.UpdatedAt, LastSequence: State.LastSequence);
    }
}
