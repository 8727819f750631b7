using System.Diagnostics.Metrics;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace DeltaStream.Feed.Publishing;

/// <summary>
/// Publishes one feed step whole. A publication the stream refuses (back-pressure from a full stream, a broken
/// connection) is retried with exponential backoff and jitter until it is accepted: back-pressure delays the feed,
/// it never drops a step. Only refused publications are retried, so streams keep their order; a publication that
/// was written but whose reply was lost is written again, and the grains' watermarks drop the copy.
/// </summary>
internal sealed class StepPublisher(TimeProvider clock, ILogger logger, int seed)
{
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private static readonly Meter Meter = new("DeltaStream.Feed");
    private static readonly Counter<long> TicksPublished = Meter.CreateCounter<long>("ticks.published", description: "Ticks published by the synthetic feed");
    private static readonly Counter<double> Backpressure = Meter.CreateCounter<double>("backpressure.seconds", unit: "s", description: "Time the feed waited for refused publications to be accepted");
    private readonly Random jitter = new(seed);

    public async Task PublishAsync(IReadOnlyList<(IAsyncStream<TickBatch> Stream, TickBatch Batch)> step, CancellationToken cancellationToken)
    {
        var pending = step;
        var started = clock.GetTimestamp();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            var sends = new Task[pending.Count];
            for (var i = 0; i < pending.Count; i++)
            {
                sends[i] = pending[i].Stream.OnNextAsync(pending[i].Batch);
            }

            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Each send's outcome is read below.
            }

            var refused = new List<(IAsyncStream<TickBatch>, TickBatch)>();
            Exception? error = null;
            for (var i = 0; i < sends.Length; i++)
            {
                if (sends[i].IsCompletedSuccessfully)
                {
                    TicksPublished.Add(pending[i].Batch.Underlying.Length + pending[i].Batch.Options.Length);
                }
                else
                {
                    refused.Add(pending[i]);
                    error ??= sends[i].Exception?.GetBaseException();
                }
            }

            if (refused.Count == 0)
            {
                break;
            }

            var wait = delay * (0.5 + jitter.NextDouble());
            FeedLog.PublishHeldBack(logger, error!, refused.Count, attempt, wait);
            await Task.Delay(wait, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            pending = refused;
        }

        if (pending != step)
        {
            var held = clock.GetElapsedTime(started).TotalSeconds;
            Backpressure.Add(held);
            FeedLog.PublishResumed(logger, held);
        }
    }
}
