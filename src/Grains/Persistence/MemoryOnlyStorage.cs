using Orleans.Runtime;

namespace DeltaStream.Grains.Persistence;

/// <summary>
/// Registered by the silo composition when the market grains' storage is Orleans' memory storage, whose state lives
/// only in the silos' own memory (embedded mode). When the last silo shuts down that state ends with it, so a grain's
/// final write is moot; it would also fail, since the storage grains are deactivating at the same time.
/// </summary>
public sealed class MemoryOnlyStorage(ILocalSiloDetails silo, IClusterMembershipService membership)
{
    /// <summary>True when a grain deactivating for <paramref name="reason"/> keeps nothing by writing its state.</summary>
    internal bool EndsWith(DeactivationReason reason) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown
        && !membership.CurrentSnapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress));
}
