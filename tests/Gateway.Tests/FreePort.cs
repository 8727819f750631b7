namespace DeltaStream.Gateway.Tests;

internal static class FreePort
{
    /// <summary>A loopback port no other test server holds (see <see cref="DeltaStream.Testing.LoopbackPorts"/>).</summary>
    public static int Next() => DeltaStream.Testing.LoopbackPorts.Next();
}
