namespace DeltaStream.Gateway;

public enum GatewayTopology
{
    Embedded,
    Client,
}
