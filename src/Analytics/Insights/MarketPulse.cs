namespace DeltaStream.Analytics.Insights;

/// <summary>
/// A chain's reading: the <see cref="Label"/>, the weighted <see cref="Score"/> in [-1, 1] it follows from (null when
/// no weighted signal could be measured), whether dealers' gamma pins the chain, and every signal in rule order.
/// </summary>
public sealed record MarketPulse(PulseLabel Label, double? Score, bool Pinning, IReadOnlyList<PulseSignal> Signals);
