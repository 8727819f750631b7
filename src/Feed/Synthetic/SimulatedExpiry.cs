namespace DeltaStream.Feed.Synthetic;

/// <summary>One listed expiry of a simulated underlying and its options, listed around the spot of its listing day.</summary>
internal sealed class SimulatedExpiry(DateOnly expiry, DateTime settlementUtc, IReadOnlyList<SimulatedOption> options)
{
    public DateOnly Expiry { get; } = expiry;

    public DateTime SettlementUtc { get; } = settlementUtc;

    public IReadOnlyList<SimulatedOption> Options { get; } = options;
}
