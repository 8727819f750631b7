namespace DeltaStream.Analytics.Chain;

/// <summary>The smile is read from out-of-the-money options, the liquid side, falling back to the other side.</summary>
public static class VolatilitySmile
{
    /// <summary>The put's IV below the forward and the call's at or above it, else the other side's; NaN when neither is known.</summary>
    public static double OutOfTheMoney(double strike, double forward, double callIv, double putIv)
    {
        var (primary, secondary) = strike < forward ? (putIv, callIv) : (callIv, putIv);
        return double.IsFinite(primary) ? primary : secondary;
    }
}
