using DeltaStream.Snapshots;

namespace DeltaStream.Grains;

/// <summary>One underlying symbol (key: the symbol). Receives ticks from its stream by implicit subscription.</summary>
public interface IUnderlyingGrain : IGrainWithStringKey, IObservableMarketGrain
{
    Task<UnderlyingSnapshot> GetSnapshot();
}
