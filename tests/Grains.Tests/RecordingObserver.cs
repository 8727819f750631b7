using System.Threading.Channels;
using DeltaStream.Snapshots;

namespace DeltaStream.Grains.Tests;

/// <summary>A client-side observer whose received updates the test awaits, in order.</summary>
internal sealed class RecordingObserver : IMarketObserver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Channel<ChainUpdate> chainUpdates = Channel.CreateUnbounded<ChainUpdate>();
    private readonly Channel<UnderlyingSnapshot> underlyingUpdates = Channel.CreateUnbounded<UnderlyingSnapshot>();

    public Task OnChainUpdate(ChainUpdate update) => chainUpdates.Writer.WriteAsync(update).AsTask();

    public Task OnUnderlyingUpdate(UnderlyingSnapshot snapshot) => underlyingUpdates.Writer.WriteAsync(snapshot).AsTask();

    /// <summary>The next chain update satisfying <paramref name="until"/>, skipping earlier ones.</summary>
    public async Task<ChainUpdate> NextChainUpdateAsync(Func<ChainUpdate, bool> until)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var update = await chainUpdates.Reader.ReadAsync(cts.Token);
            if (until(update))
            {
                return update;
            }
        }
    }

    public async Task<UnderlyingSnapshot> NextUnderlyingUpdateAsync(Func<UnderlyingSnapshot, bool> until)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var update = await underlyingUpdates.Reader.ReadAsync(cts.Token);
            if (until(update))
            {
                return update;
            }
        }
    }
}
