namespace DeltaStream.Analytics.Insights;

/// <summary>
/// One piece of evidence: the measured <see cref="Value"/> (null when the chain does not determine it), the
/// <see cref="Rule"/> that reads it, the <see cref="Direction"/> it gives, its <see cref="Weight"/> in the label
/// (0 for informational signals and for signals that could not be measured) and the <see cref="Evidence"/> in words,
/// citing the numbers.
/// </summary>
public sealed record PulseSignal(string Name, double? Value, string Rule, SignalDirection Direction, double Weight, string Evidence);
