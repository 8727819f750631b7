namespace DeltaStream.Ticks;

/// <summary>Call or put; on the wire (feed entries) "C" or "P".</summary>
public enum OptionRight
{
    Call,
    Put,
}
