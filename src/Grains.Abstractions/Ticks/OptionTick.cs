namespace DeltaStream.Ticks;

/// <summary>
/// A quote of one option of a chain. <paramref name="Volume"/> is the session's cumulative traded volume and
/// <paramref name="OpenInterest"/> the current open interest, so a replayed or duplicated tick cannot double count.
/// </summary>
[GenerateSerializer]
[Immutable]
public readonly record struct OptionTick(
    DateOnly Expiry,
    double Strike,
    OptionRight Right,
    DateTime Timestamp,
    long Sequence,
    double Bid,
    double Ask,
    double Last,
    long Volume,
    long OpenInterest);
