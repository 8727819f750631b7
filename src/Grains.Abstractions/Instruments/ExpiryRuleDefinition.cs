using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Instruments;

/// <summary>
/// One series of an instrument's expiries (DeltaStream:Instruments:N:Expiries:M:...). A nominal date that is not a
/// trading day moves to the previous trading day.
/// </summary>
public sealed class ExpiryRuleDefinition
{
    public ExpiryRuleKind Kind { get; set; } = ExpiryRuleKind.Weekly;

    /// <summary>The weekday of Weekly and Monthly rules; unused by Daily.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Friday;

    /// <summary>How many of this rule's upcoming expiries are listed.</summary>
    [Range(1, 60)]
    public int Count { get; set; } = 4;
}
