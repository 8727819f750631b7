namespace DeltaStream.Users;

/// <summary>Bounds on API keys, shared by the grain that stores them and the endpoint that validates requests.</summary>
public static class ApiKeyLimits
{
    public const int MaxKeysPerUser = 50;

    public const int MaxNameLength = 64;
}
