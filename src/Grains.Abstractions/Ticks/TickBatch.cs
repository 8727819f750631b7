namespace DeltaStream.Ticks;

/// <summary>
/// The ticks of one underlying symbol carried as one stream event. On a chain's stream the options are those of
/// the chain's expiry and the underlying ticks give the spot they were quoted against. <paramref name="Source"/> is
/// the producer (<c>src</c> of a feed entry); null is the default producer. Sequences are per producer and instrument.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record TickBatch(string Symbol, UnderlyingTick[] Underlying, OptionTick[] Options, string? Source = null);
