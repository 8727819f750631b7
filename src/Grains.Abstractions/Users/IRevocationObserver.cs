using Orleans.Concurrency;

namespace DeltaStream.Users;

/// <summary>A gateway's ear for revocations (one per gateway process).</summary>
public interface IRevocationObserver : IGrainObserver
{
    [OneWay]
    Task OnRevoked(Revocation revocation);
}
