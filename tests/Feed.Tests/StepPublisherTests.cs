using DeltaStream.Calendars;
using DeltaStream.Feed.Publishing;
using DeltaStream.Feed.Synthetic;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;

namespace DeltaStream.Feed.Tests;

public sealed class StepPublisherTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_step_held_back_by_refusing_streams_is_retried_until_accepted_and_no_batch_is_lost_or_doubled()
    {
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, new FeedOptions { Seed = 11 }, Start, _ => 0);
        var streams = market.Underlyings.Select(_ => RefusingPublisher.Create()).ToArray();
        var publisher = new StepPublisher(TimeProvider.System, NullLogger.Instance, seed: 1);
        var produced = new List<TickBatch>[streams.Length];
        for (var i = 0; i < streams.Length; i++)
        {
            produced[i] = [];
        }

        // Half of the streams accept at once; the rest refuse the first step through several retries, then open.
        for (var i = 0; i < streams.Length; i += 2)
        {
            streams[i].Control.Open();
        }

        for (var step = 1; step <= 6; step++)
        {
            var batches = market.Step(Start.AddMilliseconds(250 * step));
            var publications = new List<(IAsyncStream<TickBatch>, TickBatch)>();
            for (var i = 0; i < streams.Length; i++)
            {
                produced[i].Add(batches[i]);
                publications.Add((streams[i].Stream, batches[i]));
            }

            var publishing = publisher.PublishAsync(publications, TestContext.Current.CancellationToken);
            if (step == 1)
            {
                await streams[1].Control.HeldBack.WaitAsync(TestContext.Current.CancellationToken);

                Assert.False(publishing.IsCompleted);
                foreach (var (_, control) in streams)
                {
                    control.Open();
                }
            }

            await publishing.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < streams.Length; i++)
        {
            Assert.Equal(produced[i], streams[i].Control.Accepted);
        }

        Assert.True(streams[1].Control.Refusals >= 4);
        Assert.Equal(0, streams[0].Control.Refusals);
    }
}
