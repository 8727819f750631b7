using System.Threading.Channels;
using DeltaStream.Snapshots;

namespace DeltaStream.Grains.Tests;

/// <summary>A client-side observer whose received updates the test awaits, in order.</summary>
internal sealed class RecordingObserver : IMarketObserver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Channel<ChainUpdate> chainUpdates = Channel.CreateUnbounded<ChainUpdate>();
    private readonly Channel<UnderlyingSnapshot> underlyingUpdates = Channel.CreateUnbounded<UnderlyingSnapshot>();
    private readonly Channel<GrainId> stopped = Channel.CreateUnbounded<GrainId>();
    private readonly Channel<GrainId> heartbeats = Channel.CreateUnbounded<GrainId>();

    public Task OnChainUpdate(ChainUpdate update) => chainUpdates.Writer.WriteAsync(update).AsTask();

    public Task OnUnderlyingUpdate(UnderlyingSnapshot snapshot) => underlyingUpdates.Writer.WriteAsync(snapshot).AsTask();

    public Task OnPublisherStopped(GrainId grain) => stopped.Writer.WriteAsync(grain).AsTask();

    public Task OnHeartbeat(GrainId grain) => heartbeats.Writer.WriteAsync(grain).AsTask();

    public Task<GrainId> NextHeartbeatAsync() => NextAsync(heartbeats, _ => true);

    public Task<GrainId> NextStoppedAsync() => NextAsync(stopped, _ => true);

    public Task<ChainUpdate> NextChainUpdateAsync(Func<ChainUpdate, bool> until) => NextAsync(chainUpdates, until);

    public Task<UnderlyingSnapshot> NextUnderlyingUpdateAsync(Func<UnderlyingSnapshot, bool> until) => NextAsync(underlyingUpdates, until);

    /// <summary>The next item satisfying <paramref name="until"/>, skipping earlier ones.</summary>
    private static async Task<T> NextAsync<T>(Channel<T> channel, Func<T, bool> until)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(cts.Token);
            if (until(item))
            {
                return item;
            }
        }
    }
}
