namespace DeltaStream.Gateway.RateLimiting;

internal static class RateLimitPolicies
{
    public const string Api = "api";
    public const string SignIn = "sign-in";
}
