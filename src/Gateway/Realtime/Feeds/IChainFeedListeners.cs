using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Realtime.Feeds;

/// <summary>Creates the listener of each chain feed this gateway opens.</summary>
internal interface IChainFeedListeners
{
    IChainFeedListener For(ChainId chain);
}
