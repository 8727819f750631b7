namespace DeltaStream.Analytics.Insights;

/// <summary>
/// The label from the signals: score = sum(weight x direction) / sum(weight) over weighted signals (bullish +1,
/// bearish -1, neutral 0). Bullish at or above the threshold, bearish at or below minus it; otherwise range-bound
/// when dealers' gamma pins the chain, else neutral. The threshold is <see cref="Threshold"/>, raised to
/// <see cref="PinnedThreshold"/> when pinned: dealers' hedging damps moves, so a lean needs more evidence.
/// </summary>
public static class MarketPulseReader
{
    public const double Threshold = 0.3;
    public const double PinnedThreshold = 0.5;

    public static MarketPulse Read(PulseInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var chain = inputs.Chain;
        PulseSignal[] signals =
        [
            PulseRules.PcrOi(chain),
            PulseRules.PcrChange(chain, inputs.History),
            PulseRules.MaxPain(chain),
            PulseRules.AtmIvRange(chain, inputs.History),
            PulseRules.TermStructure(inputs.TermAtmIvs),
            PulseRules.RiskReversal(chain),
            PulseRules.ExpectedMove(chain),
            PulseRules.GammaRegime(chain),
            PulseRules.GammaFlip(chain),
            PulseRules.OiLevels(chain),
            PulseRules.OiBuildup(chain),
            PulseRules.UnusualActivity(chain),
        ];
        var pinning = PulseRules.IsPinning(chain);
        var score = Score(signals);
        return new MarketPulse(Label(score, pinning), score, pinning, signals);
    }

    public static double? Score(IReadOnlyList<PulseSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        double weighted = 0, total = 0;
        foreach (var signal in signals)
        {
            total += signal.Weight;
            weighted += signal.Weight * signal.Direction switch
            {
                SignalDirection.Bullish => 1,
                SignalDirection.Bearish => -1,
                _ => 0,
            };
        }

        return total > 0 ? weighted / total : null;
    }

    public static PulseLabel Label(double? score, bool pinning)
    {
        var threshold = pinning ? PinnedThreshold : Threshold;
        return score switch
        {
            { } s when s >= threshold => PulseLabel.Bullish,
            { } s when s <= -threshold => PulseLabel.Bearish,
            _ when pinning => PulseLabel.RangeBound,
            _ => PulseLabel.Neutral,
        };
    }
}
