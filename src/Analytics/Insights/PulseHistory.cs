namespace DeltaStream.Analytics.Insights;

/// <summary>
/// The chain's session so far, from recorded history: PCR (OI) at the session's first record, and the lowest and
/// highest ATM IV recorded. Any of them null when nothing was recorded.
/// </summary>
public sealed record PulseHistory(double? SessionOpenPcrOi, double? AtmIvLow, double? AtmIvHigh)
{
    public static PulseHistory None { get; } = new(null, null, null);
}
