namespace DeltaStream.Analytics.Insights;

/// <summary>Which way a signal leans; neutral also when it cannot be measured or only informs.</summary>
public enum SignalDirection
{
    Neutral,
    Bullish,
    Bearish,
}
