using Orleans.Concurrency;
using DeltaStream.Snapshots;

namespace DeltaStream.Grains;

/// <summary>Receives pushed updates; a gateway holds one per process and fans updates out to its clients.</summary>
public interface IMarketObserver : IGrainObserver
{
    [OneWay]
    Task OnChainUpdate(ChainUpdate update);

    [OneWay]
    Task OnUnderlyingUpdate(UnderlyingSnapshot snapshot);

    /// <summary>
    /// The grain's activation is alive: sent when it has published nothing for its heartbeat interval, so an
    /// observer that hears nothing for longer knows the grain's silo is gone, not that its market is quiet.
    /// </summary>
    [OneWay]
    Task OnHeartbeat(GrainId grain);

    /// <summary>The grain's activation is going away (deactivation or move): its subscriptions end with it.</summary>
    [OneWay]
    Task OnPublisherStopped(GrainId grain);
}
