namespace DeltaStream.Instruments;

public enum ExpiryRuleKind
{
    /// <summary>Every trading day.</summary>
    Daily,

    /// <summary>Every week on the rule's day.</summary>
    Weekly,

    /// <summary>The last occurrence of the rule's day in each month.</summary>
    MonthlyLast,

    /// <summary>The third occurrence of the rule's day in each month (US standard monthly options).</summary>
    MonthlyThird,
}
