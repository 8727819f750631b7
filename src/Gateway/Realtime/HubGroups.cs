using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Realtime;

/// <summary>The names of what a connection watches; one per chain and per underlying.</summary>
internal static class HubGroups
{
    public static string Chain(ChainId chain) => "chain:" + chain;

    public static string Underlying(string symbol) => "underlying:" + symbol;
}
