namespace DeltaStream.Instruments;

public enum ExpiryFrequency
{
    /// <summary>Every week on the rule's day.</summary>
    Weekly,

    /// <summary>The last occurrence of the rule's day in each month.</summary>
    Monthly,
}
