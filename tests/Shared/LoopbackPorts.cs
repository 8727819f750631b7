using System.Net;
using System.Net.Sockets;

namespace DeltaStream.Testing;

/// <summary>
/// Loopback ports for test servers, from below the kernel's ephemeral range (32768-60999 here). A port the OS hands
/// out for "any free port" comes from that range, which every outgoing connection also draws from, so between
/// the probe and the server's bind a client of a parallel test could take it ("Address already in use"). Below it
/// only listeners compete: each candidate is random, checked free by binding, and never handed out twice in a
/// process. Compiled into each test project that starts servers.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; ; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Given.Contains(port) || !IsFree(port))
                {
                    if (attempt > 1_000)
                    {
                        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
                    }

                    continue;
                }

                Given.Add(port);
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
