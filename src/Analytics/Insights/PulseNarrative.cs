namespace DeltaStream.Analytics.Insights;

/// <summary>
/// The plain-language reading, composed by template from the pulse alone (the same pulse gives the same text):
/// the label with its score, the evidence for each side strongest first, the gamma regime, and the range.
/// </summary>
public static class PulseNarrative
{
    public static string Compose(string symbol, DateOnly expiry, MarketPulse pulse)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var chain = $"{symbol} {expiry:yyyy-MM-dd}";
        var opening = pulse.Score is { } score
            ? $"{chain} reads {Name(pulse.Label)} (score {PulseText.Signed(score, 2)} over {pulse.Signals.Count(s => s.Weight > 0)} weighted signals)."
            : $"{chain} reads {Name(pulse.Label)}: no weighted signal can be measured yet.";
        var sentences = new List<string> { opening };
        AddEvidence(sentences, "Bullish", pulse.Signals, SignalDirection.Bullish);
        AddEvidence(sentences, "Bearish", pulse.Signals, SignalDirection.Bearish);
        foreach (var name in (ReadOnlySpan<string>)["gammaRegime", "expectedMove"])
        {
            if (pulse.Signals.FirstOrDefault(s => s.Name == name) is { Value: not null } informational)
            {
                sentences.Add(Capitalised(informational.Evidence) + ".");
            }
        }

        return string.Join(" ", sentences);
    }

    public static string Name(PulseLabel label) => label switch
    {
        PulseLabel.Bullish => "bullish",
        PulseLabel.Bearish => "bearish",
        PulseLabel.RangeBound => "range-bound",
        _ => "neutral",
    };

    private static void AddEvidence(List<string> sentences, string heading, IReadOnlyList<PulseSignal> signals, SignalDirection direction)
    {
        // Strongest first; equal weights keep rule order (OrderBy is stable).
        var evidence = signals.Where(s => s.Direction == direction && s.Weight > 0).OrderByDescending(s => s.Weight).Select(s => s.Evidence).ToArray();
        if (evidence.Length > 0)
        {
            sentences.Add($"{heading}: {string.Join("; ", evidence)}.");
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
