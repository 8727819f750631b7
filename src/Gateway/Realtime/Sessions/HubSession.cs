using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Realtime.Sessions;

/// <summary>A live hub connection and the credentials it authenticated with: its sign-in's refresh family (JWT) or its API key.</summary>
internal sealed record HubSession(HubCallerContext Context, string UserId, string Email, Guid? Family, Guid? ApiKeyId);
