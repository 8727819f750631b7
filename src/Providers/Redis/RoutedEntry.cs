using DeltaStream.Ticks;
using Orleans.Runtime;

namespace DeltaStream.Providers.Redis;

/// <summary>One feed entry as the grains see it: a batch per grain stream it feeds, and every tick it refused.</summary>
internal sealed record RoutedEntry(IReadOnlyList<(StreamId Stream, TickBatch Batch)> Parts, IReadOnlyList<RejectedTick> Rejected);
