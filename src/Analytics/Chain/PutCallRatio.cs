namespace DeltaStream.Analytics.Chain;

/// <summary>PCR = puts / calls over the same set of options; undefined (null) when there are no calls.</summary>
public static class PutCallRatio
{
    public static double? Compute(double putTotal, double callTotal) => callTotal > 0 ? putTotal / callTotal : null;
}
