namespace DeltaStream.Analytics.Insights;

/// <summary>The reading of a chain: a net lean of the weighted signals, or range-bound when dealers' gamma pins it without one.</summary>
public enum PulseLabel
{
    Neutral,
    Bullish,
    Bearish,
    RangeBound,
}
