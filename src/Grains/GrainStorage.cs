namespace DeltaStream.Grains;

/// <summary>Names of the providers the grains need; the silo composition registers them.</summary>
public static class GrainStorage
{
    /// <summary>Grain storage for chain and underlying state.</summary>
    public const string Market = "market";
}
