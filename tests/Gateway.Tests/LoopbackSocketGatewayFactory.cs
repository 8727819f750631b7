using System.Net;

namespace DeltaStream.Gateway.Tests;

/// <summary>Embedded mode listening on 127.0.0.1 only, as <c>dotnet run</c> does by default.</summary>
public sealed class LoopbackSocketGatewayFactory() : SocketGatewayFactory(IPAddress.Loopback);
