using System.Net;

namespace DeltaStream.Gateway.Tests;

/// <summary>Embedded mode listening on 0.0.0.0, as the container image does: reachable from other machines.</summary>
public sealed class AllInterfacesGatewayFactory() : SocketGatewayFactory(IPAddress.Any);
