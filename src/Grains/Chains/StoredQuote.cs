using DeltaStream.Grains.Sequencing;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>One option's quote as persisted with the chain, with the last sequence applied from each producer.</summary>
[GenerateSerializer]
[Immutable]
public sealed record StoredQuote(
    double Strike,
    OptionRight Right,
    double Bid,
    double Ask,
    double Last,
    long Volume,
    long Oi,
    long SessionOpenOi,
    double SessionOpenLast,
    DateTime Timestamp,
    IReadOnlyList<ProducerSequence>? Sequences = null);
