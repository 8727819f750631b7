namespace DeltaStream.Ticks;

/// <summary>
/// The ticks of one underlying symbol carried as one stream event. On a chain's stream the options are those of
/// the chain's expiry and the underlying ticks give the spot they were quoted against.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record TickBatch(string Symbol, UnderlyingTick[] Underlying, OptionTick[] Options);
