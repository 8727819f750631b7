namespace DeltaStream.Grains;

/// <summary>Names of the providers the grains need; the silo composition registers them.</summary>
public static class GrainStorage
{
    /// <summary>Grain storage for chain and underlying state.</summary>
    public const string Market = "market";

    /// <summary>Users, API keys and refresh tokens live in the cluster's one configured grain storage.</summary>
    public const string Users = Market;
}
