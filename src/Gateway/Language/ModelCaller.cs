using DeltaStream.Gateway.Auth;
using DeltaStream.Gateway.RateLimiting;

namespace DeltaStream.Gateway.Language;

/// <summary>Whose model budget a request spends: its user's, whether it came with a token or one of their API keys.</summary>
internal static class ModelCaller
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.UserId() is { } id ? "user:" + id : ClientPartition.Address(http.Connection.RemoteIpAddress);
    }
}
