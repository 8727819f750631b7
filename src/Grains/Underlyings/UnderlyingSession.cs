using DeltaStream.Grains.Chains;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Underlyings;

/// <summary>
/// An underlying's trading session over its persisted state: open/high/low/last and volume of the exchange's
/// local day; a tick on a later day closes the session (its last becomes prevClose) and opens the next.
/// </summary>
internal sealed class UnderlyingSession(string symbol, TimeZoneInfo zone, UnderlyingState state)
{
    public UnderlyingState State { get; } = state;

    public TickOutcome Apply(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var watermark = State.TickWatermark;
        int applied = 0, duplicates = 0, rejected = 0;
        foreach (ref readonly var tick in batch.Underlying.AsSpan())
        {
            if (tick.Sequence <= watermark)
            {
                duplicates++;
                continue;
            }

            if (!TickValidation.IsValid(tick))
            {
                rejected++;
                continue;
            }

            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(tick.Timestamp, DateTimeKind.Utc), zone));
            if (State.SessionDate is not { } session || day > session)
            {
                State.PrevClose = State.Last ?? State.PrevClose;
                State.SessionDate = day;
                State.Open = State.High = State.Low = tick.Price;
                State.Volume = 0;
            }

            State.High = Math.Max(State.High ?? tick.Price, tick.Price);
            State.Low = Math.Min(State.Low ?? tick.Price, tick.Price);
            State.Last = tick.Price;
            State.Volume += tick.Volume;
            State.UpdatedAt = tick.Timestamp;
            State.TickWatermark = Math.Max(State.TickWatermark, tick.Sequence);
            applied++;
        }

        return new TickOutcome(applied, duplicates, rejected);
    }

    public UnderlyingSnapshot Snapshot()
    {
        var reference = State.PrevClose ?? State.Open;
        // Rounded past any quoted precision: only the binary representation noise of the subtraction goes.
        double? change = State.Last - reference is { } c ? Math.Round(c, 10) : null;
        double? changePct = reference is > 0 && change is { } d ? Math.Round(100.0 * d / reference.Value, 10) : null;
        return new UnderlyingSnapshot(symbol, State.Last, State.Open, State.High, State.Low, State.PrevClose, change, changePct, State.Volume, State.UpdatedAt, State.TickWatermark);
    }
}
