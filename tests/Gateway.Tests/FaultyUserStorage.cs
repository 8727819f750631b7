using DeltaStream.Grains.Users;
using Orleans.Storage;

namespace DeltaStream.Gateway.Tests;

/// <summary>The silo's grain storage, except that writing a user's state fails while <see cref="FailingUser"/> names that user (its normalised email).</summary>
public sealed class FaultyUserStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public string? FailingUser { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainState is IGrainState<UserState> && grainId.Key.ToString() == FailingUser
            ? Task.FromException(new IOException($"Injected failure writing the state of user {FailingUser}."))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
