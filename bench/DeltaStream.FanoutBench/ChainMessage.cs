namespace DeltaStream.FanoutBench;

/// <summary>
/// The fields of a chain snapshot or update the driver reads. Binding only these (the protocol skips the rest) keeps
/// the driver's own parsing, which shares the machine with what it measures, to a fraction of a JSON DOM's cost.
/// </summary>
internal sealed record ChainMessage(long Epoch, long Sequence, long? FromSequence, DateTime UpdatedAt, IReadOnlyList<StrikeMessage>? Strikes);

/// <summary>One strike row: the call and put quotes the message carries for it.</summary>
internal sealed record StrikeMessage(double Strike, QuoteMessage? Call, QuoteMessage? Put);

/// <summary>A quote's open interest, which the tick writer sets to the tick's id.</summary>
internal sealed record QuoteMessage(long? Oi);
