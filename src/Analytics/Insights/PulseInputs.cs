namespace DeltaStream.Analytics.Insights;

/// <summary>
/// Everything a pulse is computed from: the chain, the ATM IV of each listed expiry of the underlying nearest first
/// (the term structure; null where unknown), and the session's history.
/// </summary>
public sealed record PulseInputs(PulseChain Chain, IReadOnlyList<double?> TermAtmIvs, PulseHistory History);
