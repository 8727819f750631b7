namespace DeltaStream.Gateway.Realtime;

/// <summary>How many groups a connection may watch, and its user across <see cref="UserConnections"/> (this connection included).</summary>
internal sealed record SubscriptionQuota(int PerConnection, int PerUser, IReadOnlyCollection<string> UserConnections);
