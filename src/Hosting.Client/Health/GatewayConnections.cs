namespace DeltaStream.Hosting.Health;

/// <summary>How many silo gateways this Orleans client is connected to, as the client reports each change.</summary>
internal sealed class GatewayConnections : IClusterConnectionStatusObserver
{
    private int connected;

    public int Connected => Volatile.Read(ref connected);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref connected, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref connected, 0);
}
