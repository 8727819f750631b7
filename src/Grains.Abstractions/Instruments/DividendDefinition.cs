using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Instruments;

/// <summary>A discrete cash dividend of an underlying: on <see cref="ExDate"/> the spot drops by <see cref="Amount"/> (in the instrument's currency).</summary>
public sealed class DividendDefinition
{
    public DateOnly ExDate { get; set; }

    [Range(1e-9, 1e9)]
    public double Amount { get; set; }
}
