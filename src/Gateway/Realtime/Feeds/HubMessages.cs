using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>A message serialised at most once per protocol however many connections it is written to.</summary>
internal static class HubMessages
{
    public static SerializedHubMessage Invocation(string method, object payload) =>
        new(new InvocationMessage(method, [payload]));
}
