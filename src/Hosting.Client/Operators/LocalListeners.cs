using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace DeltaStream.Hosting.Operators;

/// <summary>
/// Whether every address the server listens on is on this machine (a loopback address, <c>localhost</c> or a Unix
/// socket), read from the addresses the server reports (what <c>--urls</c>, ASPNETCORE_URLS or Kestrel's endpoints
/// bound), not from what a request claims. Settings that are safe on one machine only ask it per request. A server
/// that reports no address (the in-memory test server) has no network listener and counts as local.
/// </summary>
public sealed class LocalListeners(IServer server)
{
    private bool? known;

    public bool AllLocal
    {
        get
        {
            if (known is { } answer)
            {
                return answer;
            }

            // Remembered once the server has bound: its addresses do not change while it runs.
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0)
            {
                return true;
            }

            var local = addresses.All(IsLocal);
            known = local;
            return local;
        }
    }

    /// <summary>True for <c>http://localhost:8080</c>, <c>http://127.0.0.1:5000</c>, <c>http://[::1]:80</c> and Unix sockets; false for 0.0.0.0, [::], * and +.</summary>
    public static bool IsLocal(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsUnixPipe)
        {
            return true;
        }

        return string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
