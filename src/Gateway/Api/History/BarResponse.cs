namespace DeltaStream.Gateway.Api.History;

/// <summary>API.md bars: one bucket, <see cref="Start"/> in UTC.</summary>
internal sealed record BarResponse(DateTime Start, double Open, double High, double Low, double Close, long Volume);
