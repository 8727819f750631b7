using DeltaStream.Snapshots;

namespace DeltaStream.Grains;

/// <summary>One option chain (key: <see cref="Ticks.ChainId"/> text). Receives ticks by implicit stream subscription.</summary>
public interface IOptionChainGrain : IGrainWithStringKey, IObservableMarketGrain
{
    Task<ChainSnapshot> GetSnapshot();

    /// <summary>Per strike, the session's price and open interest changes (the input of OI build-up).</summary>
    Task<IReadOnlyList<StrikeActivity>> GetActivity();
}
