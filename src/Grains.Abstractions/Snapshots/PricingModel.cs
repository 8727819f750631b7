namespace DeltaStream.Snapshots;

/// <summary>bsm: Greeks from spot with rate and dividend yield; black76: Greeks from the forward.</summary>
public enum PricingModel
{
    Bsm,
    Black76,
}
