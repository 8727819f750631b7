using Orleans.Runtime;

namespace DeltaStream.Ticks;

/// <summary>
/// Stream provider and namespaces that carry ticks to the grains. The underlying stream's key is the symbol;
/// a chain stream's key is <see cref="ChainId"/>'s text, which is also the chain grain's key, so implicit
/// subscriptions route each batch to exactly one grain.
/// </summary>
public static class MarketStreams
{
    public const string ProviderName = "ticks";
    public const string UnderlyingNamespace = "underlying";
    public const string ChainNamespace = "chain";

    public static StreamId Underlying(string symbol) => StreamId.Create(UnderlyingNamespace, symbol);

    public static StreamId Chain(ChainId chain) => StreamId.Create(ChainNamespace, chain.ToString());
}
