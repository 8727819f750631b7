using System.Text.Json.Serialization;

namespace DeltaStream.Snapshots;

/// <summary>
/// bsm: Greeks from spot with rate and dividend yield; black76: Greeks from the forward; american-fp: American exercise,
/// IV and Greeks from spot by the fixed-point exercise boundary (finite differences with cash dividends).
/// </summary>
public enum PricingModel
{
    Bsm,
    Black76,

    [JsonStringEnumMemberName("american-fp")]
    AmericanFp,
}
