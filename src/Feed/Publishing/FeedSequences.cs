using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Feed.Publishing;

/// <summary>
/// Where a (re)started feed's sequences begin. With a stream provider that records what producers wrote (Redis),
/// right after the last sequence written under this feed's src; without one (in-memory streams, whose grains start
/// empty with the process) from the clock in microseconds, which keeps increasing across restarts of the feed alone.
/// </summary>
internal static class FeedSequences
{
    public static async Task<IReadOnlyDictionary<string, long>> LastWrittenAsync(
        IProducerSequenceStore? store, string source, IReadOnlyList<InstrumentDefinition> instruments, TimeProvider clock, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var fromClock = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        foreach (var instrument in instruments)
        {
            last[instrument.Symbol] = store is null
                ? fromClock
                : await store.LastSequenceAsync(source, instrument.Symbol, cancellationToken) ?? 0;
        }

        return last;
    }
}
