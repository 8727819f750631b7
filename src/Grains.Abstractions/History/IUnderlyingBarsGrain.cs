using DeltaStream.History;

namespace DeltaStream.Grains;

/// <summary>The one-minute bars an underlying grain keeps in memory (key: the symbol), the open bar included, oldest first.</summary>
public interface IUnderlyingBarsGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<PriceBar>> GetMinuteBars();
}
