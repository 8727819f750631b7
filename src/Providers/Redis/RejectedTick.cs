namespace DeltaStream.Providers.Redis;

/// <summary>A tick (or a whole entry, when it does not parse) refused with the reason written to the dead-letter stream.</summary>
public sealed record RejectedTick(string Json, string Reason);
