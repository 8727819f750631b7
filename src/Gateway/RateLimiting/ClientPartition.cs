using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using DeltaStream.Gateway.Auth;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>Whose budget a call spends: the API key's, else the user's, else the client address's (IPv6 by /64).</summary>
internal static class ClientPartition
{
    public static string Of(ClaimsPrincipal? user, IPAddress? address) =>
        user?.FindFirstValue(AuthClaims.ApiKeyId) is { } key ? "key:" + key
        : user?.Identity?.IsAuthenticated == true && user.UserId() is { } id ? "user:" + id
        : Address(address);

    /// <summary>The client's address; IPv6 grouped by its /64, which one subscriber usually holds whole.</summary>
    public static string Address(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }
}
