namespace DeltaStream.Snapshots;

/// <summary>Why an option's implied volatility is or is not available (JSON: camelCase names).</summary>
public enum IvStatus
{
    Ok,
    BelowIntrinsic,
    AboveMaximum,
    AtIntrinsic,
    Expired,
    InvalidInput,
}
