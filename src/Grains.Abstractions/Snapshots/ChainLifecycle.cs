namespace DeltaStream.Snapshots;

/// <summary>Where a chain is in its life: trading, or settled at its expiry (final quotes, no more ticks).</summary>
public enum ChainLifecycle
{
    Live,
    Settled,
}
