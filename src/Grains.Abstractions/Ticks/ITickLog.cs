using Orleans.Runtime;

namespace DeltaStream.Ticks;

/// <summary>
/// The durable log a stream provider keeps of the ticks it delivers (Redis Streams). DeltaStream's durability rule
/// rests on it: a tick is applied once it is in persisted grain state together with the stream position it came
/// from; the log keeps every entry until every grain it fed has reported that its state durably holds it, and a
/// grain activating anywhere replays its own stream from its persisted position before it takes new batches.
/// Providers without a durable log (in-memory streams) register none.
/// </summary>
public interface ITickLog
{
    /// <summary>The batches of <paramref name="stream"/> after <paramref name="position"/>, in log order, with their positions.</summary>
    IAsyncEnumerable<PositionedBatch> ReplayAsync(StreamId stream, long position, CancellationToken cancellationToken);

    /// <summary>
    /// The state of <paramref name="stream"/>'s grain durably holds everything the log fed it up to
    /// <paramref name="position"/>: entries up to there may be trimmed as far as this grain is concerned.
    /// </summary>
    Task MarkDurableAsync(StreamId stream, long position, CancellationToken cancellationToken);
}
