namespace DeltaStream.Instruments;

/// <summary>When an option of the instrument may be exercised: at expiry only, or at any time up to it.</summary>
public enum ExerciseStyle
{
    European,
    American,
}
