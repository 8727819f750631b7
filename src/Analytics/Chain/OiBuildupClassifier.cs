namespace DeltaStream.Analytics.Chain;

public static class OiBuildupClassifier
{
    /// <summary>Neutral when either change is zero or not known.</summary>
    public static OiBuildup Classify(double priceChange, double oiChange) =>
        (Math.Sign(priceChange), Math.Sign(oiChange)) switch
        {
            (1, 1) => OiBuildup.LongBuildup,
            (-1, 1) => OiBuildup.ShortBuildup,
            (1, -1) => OiBuildup.ShortCovering,
            (-1, -1) => OiBuildup.LongUnwinding,
            _ => OiBuildup.Neutral,
        };
}
