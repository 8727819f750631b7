using System.Net;
using System.Security.Claims;
using DeltaStream.Gateway.Auth;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>Whose budget a call spends: the API key's, else the user's, else the client address's.</summary>
internal static class ClientPartition
{
    public static string Of(ClaimsPrincipal? user, IPAddress? address) =>
        user?.FindFirstValue(AuthClaims.ApiKeyId) is { } key ? "key:" + key
        : user?.Identity?.IsAuthenticated == true && user.UserId() is { } id ? "user:" + id
        : Address(address);

    public static string Address(IPAddress? address) => "ip:" + (address?.ToString() ?? "unknown");
}
