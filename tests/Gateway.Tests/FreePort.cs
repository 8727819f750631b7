using System.Net;
using System.Net.Sockets;

namespace DeltaStream.Gateway.Tests;

internal static class FreePort
{
    /// <summary>A loopback port the OS reports free, so parallel test hosts never collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
