namespace DeltaStream.Instruments;

/// <summary>
/// The strikes an instrument lists: positive multiples of its strike step within
/// <see cref="InstrumentDefinition.LadderStrikesEachSide"/> steps of its base price. Ticks at any other strike are
/// refused (reason <c>offLadderStrike</c>), so producer input can never grow a chain without bound.
/// </summary>
public static class ListedStrikes
{
    private const double Tolerance = 1e-9;

    public static bool Contains(InstrumentDefinition instrument, double strike)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var steps = strike / instrument.StrikeStep;
        var index = Math.Round(steps);
        return strike > 0
            && Math.Abs(steps - index) <= Tolerance * Math.Max(1, Math.Abs(index))
            && Math.Abs(index - Math.Round(instrument.BasePrice / instrument.StrikeStep)) <= instrument.LadderStrikesEachSide;
    }

    /// <summary>Why <paramref name="strike"/> is refused, for the dead-letter record.</summary>
    public static string OffLadderReason(InstrumentDefinition instrument, double strike)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var (low, high) = Bounds(instrument);
        return FormattableString.Invariant(
            $"offLadderStrike: {instrument.Symbol} lists strikes in steps of {instrument.StrikeStep} from {low} to {high}; {strike} is not one");
    }

    private static (double Low, double High) Bounds(InstrumentDefinition instrument)
    {
        var centre = Math.Round(instrument.BasePrice / instrument.StrikeStep);
        var lowIndex = Math.Max(1, centre - instrument.LadderStrikesEachSide);
        return (Math.Round(lowIndex * instrument.StrikeStep, 6), Math.Round((centre + instrument.LadderStrikesEachSide) * instrument.StrikeStep, 6));
    }
}
