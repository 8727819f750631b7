using System.Collections.Concurrent;
using DeltaStream.Grains;
using DeltaStream.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// Grain storage that fails as real storage does: <see cref="FaultMode.Down"/> refuses every write (an outage);
/// <see cref="FaultMode.LoseReplies"/> performs each grain's next write and then reports a timeout with the old etag
/// left in place (the reply was lost), so that grain's following write meets a newer etag. Wraps the cluster's Redis
/// grain storage. Process-wide, so one test class at a time uses it.
/// </summary>
internal sealed class FaultyStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly ConcurrentDictionary<GrainId, bool> RepliesLost = new();

    private static int failedWrites;

    public static FaultMode Mode { get; set; }

    public static int FailedWrites => Volatile.Read(ref failedWrites);

    public static int LostReplies => RepliesLost.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        switch (Mode)
        {
            case FaultMode.Down:
                Interlocked.Increment(ref failedWrites);
                throw new TimeoutException("storage is down (injected)");
            case FaultMode.LoseReplies when RepliesLost.TryAdd(grainId, true):
                var etag = grainState.ETag;
                await inner.WriteStateAsync(stateName, grainId, grainState);
                grainState.ETag = etag;
                throw new TimeoutException("the write's reply was lost (injected)");
            default:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                break;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    // The wrapped storage takes part in the silo's lifecycle under its own name already.
    public void Participate(ISiloLifecycle observer)
    {
    }

    public static void Reset()
    {
        Mode = FaultMode.None;
        failedWrites = 0;
        RepliesLost.Clear();
    }

    /// <summary>Puts the fault injector in front of the market grains' storage: the real one moves to another name.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        private const string InnerName = "market-inner";

        public void Configure(ISiloBuilder siloBuilder)
        {
            var redis = DeploymentMode.RedisConnectionString(siloBuilder.Configuration)!;
            siloBuilder.AddRedisGrainStorage(InnerName, o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis));
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Market, (sp, _) => new FaultyStorage(sp.GetRequiredKeyedService<IGrainStorage>(InnerName)));
        }
    }
}

internal enum FaultMode
{
    None,
    Down,
    LoseReplies,
}
