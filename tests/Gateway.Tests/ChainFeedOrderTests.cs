using DeltaStream.Analytics;
using DeltaStream.Analytics.Pricing;
using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Grains;
using DeltaStream.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A chain feed given updates in the orders the Orleans client can deliver them: early ones are held and applied in
/// sequence without a snapshot fetch; a gap that stays open, or a flood of early updates, fetches the snapshot once.
/// </summary>
public sealed class ChainFeedOrderTests
{
    private const long Epoch = 7;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Updates_that_arrive_out_of_order_within_the_window_are_applied_in_sequence_without_a_fetch()
    {
        var (grain, listener, clock) = (new SnapshotGrain(Snapshot(10)), new StateListener(), new ManualClock());
        using var feed = new ChainFeed(grain, clock, Window, NullLogger.Instance, listener, DetachedRealtimeMetrics.Instance);
        await feed.ReadyAsync();

        foreach (var sequence in new long[] { 12, 14, 13, 11, 12, 15 })
        {
            feed.OnUpdate(Update(sequence));
        }

        Assert.Equal(1, grain.Fetches);
        Assert.Equal([10, 14, 15], listener.Sequences);
        Assert.Equal(115, listener.Latest!.Spot);
        Assert.Equal([11d, 12d, 13d, 14d, 15d], listener.Latest.Strikes.Select(r => r.Strike));
        Assert.False(feed.CheckGap());
    }

    [Fact]
    public async Task Overlapping_gaps_each_get_the_whole_window_so_a_buffer_that_never_empties_does_not_fetch()
    {
        var (grain, listener, clock) = (new SnapshotGrain(Snapshot(10)), new StateListener(), new ManualClock());
        using var feed = new ChainFeed(grain, clock, Window, NullLogger.Instance, listener, DetachedRealtimeMetrics.Instance);
        await feed.ReadyAsync();

        // 12 waits from t=0, 14 from t=30 ms; at t=60 ms only 14 is held, and it has waited 30 ms.
        feed.OnUpdate(Update(12));
        clock.Advance(Window * 0.6);
        feed.OnUpdate(Update(14));
        feed.OnUpdate(Update(11));
        clock.Advance(Window * 0.6);

        Assert.False(feed.CheckGap());
        feed.OnUpdate(Update(13));
        Assert.Equal(1, grain.Fetches);
        Assert.Equal([10, 12, 14], listener.Sequences);
    }

    [Fact]
    public async Task A_gap_still_open_after_the_window_fetches_the_snapshot_once_and_the_feed_continues_from_it()
    {
        var (grain, listener, clock) = (new SnapshotGrain(Snapshot(10)), new StateListener(), new ManualClock());
        using var feed = new ChainFeed(grain, clock, Window, NullLogger.Instance, listener, DetachedRealtimeMetrics.Instance);
        await feed.ReadyAsync();
        feed.OnUpdate(Update(12));
        grain.Current = Snapshot(13);

        clock.Advance(Window / 2);
        Assert.False(feed.CheckGap());
        clock.Advance(Window);
        Assert.True(feed.CheckGap());
        await listener.Reported(2);
        feed.OnUpdate(Update(14));

        Assert.Equal(2, grain.Fetches);
        Assert.Equal([10, 13, 14], listener.Sequences);
        Assert.Equal(114, listener.Latest!.Spot);
    }

    [Fact]
    public async Task More_early_updates_than_the_buffer_holds_fetch_the_snapshot_at_once()
    {
        var (grain, listener, clock) = (new SnapshotGrain(Snapshot(10)), new StateListener(), new ManualClock());
        using var feed = new ChainFeed(grain, clock, Window, NullLogger.Instance, listener, DetachedRealtimeMetrics.Instance);
        await feed.ReadyAsync();
        grain.Current = Snapshot(200);

        for (var sequence = 12L; sequence <= 12 + 64; sequence++)
        {
            feed.OnUpdate(Update(sequence));
        }

        await listener.Reported(2);
        Assert.Equal(2, grain.Fetches);
        Assert.Equal([10, 200], listener.Sequences);
    }

    [Fact]
    public async Task Updates_that_arrive_while_the_snapshot_is_fetched_keep_the_newest_and_continue_it()
    {
        var (grain, listener, clock) = (new SnapshotGrain(Snapshot(80)) { Held = true }, new StateListener(), new ManualClock());
        using var feed = new ChainFeed(grain, clock, Window, NullLogger.Instance, listener, DetachedRealtimeMetrics.Instance);
        var ready = feed.ReadyAsync();

        // The grain answers with sequence 80 after sending 11..110: what the answer covers is dropped, the rest applied.
        for (var sequence = 11L; sequence <= 110; sequence++)
        {
            feed.OnUpdate(Update(sequence));
        }

        grain.Release();
        await ready;

        Assert.Equal(1, grain.Fetches);
        Assert.Equal([80, .. Enumerable.Range(81, 30).Select(n => (long)n)], listener.Sequences);
        Assert.Equal(210, listener.Latest!.Spot);
        Assert.False(feed.CheckGap());
    }

    private static ChainSnapshot Snapshot(long sequence) =>
        new("TSLA", new DateOnly(2026, 12, 4), 100 + sequence, null, 0.05, 0, PricingModel.Bsm, 0.01, new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), Epoch, sequence,
            ChainAnalytics.Empty, []);

    // Each update changes the row at its own strike and moves spot, so the state shows which updates were applied.
    private static ChainUpdate Update(long sequence) =>
        new("TSLA", new DateOnly(2026, 12, 4), Epoch, sequence, 100 + sequence, null, 0.01, new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc),
            ChainAnalytics.Empty, [new StrikeRow(sequence, null, null)]);

    private sealed class SnapshotGrain(ChainSnapshot current) : IOptionChainGrain
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int fetches;

        public ChainSnapshot Current { get; set; } = current;

        public bool Held { get; init; }

        public int Fetches => Volatile.Read(ref fetches);

        public void Release() => released.TrySetResult();

        public async Task<ChainSnapshot> GetSnapshot()
        {
            // A grain call never completes inline: the feed applies the answer on another thread, as with Orleans.
            await Task.Yield();
            if (Interlocked.Increment(ref fetches) == 1 && Held)
            {
                await released.Task;
            }

            return Current;
        }

        public Task<IReadOnlyList<StrikeActivity>> GetActivity() => throw new NotSupportedException();

        public Task<TimeSpan> Subscribe(IMarketObserver observer, TimeSpan interval) => throw new NotSupportedException();

        public Task Unsubscribe(IMarketObserver observer) => throw new NotSupportedException();
    }

    private sealed class StateListener : IChainFeedListener
    {
        private readonly Lock gate = new();
        private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];
        private readonly List<long> sequences = [];
        private ChainSnapshot? latest;

        public long[] Sequences
        {
            get
            {
                lock (gate)
                {
                    return [.. sequences];
                }
            }
        }

        public ChainSnapshot? Latest
        {
            get
            {
                lock (gate)
                {
                    return latest;
                }
            }
        }

        /// <summary>Completes once the feed has reported <paramref name="count"/> states.</summary>
        public Task Reported(int count)
        {
            lock (gate)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((count, done));
                Notify();
                return done.Task.WaitAsync(TestContext.Current.CancellationToken);
            }
        }

        public void Added(ConnectionOutbox outbox)
        {
        }

        public void Removed(ConnectionOutbox outbox)
        {
        }

        public void Changed(ChainSnapshot state)
        {
            lock (gate)
            {
                sequences.Add(state.Sequence);
                latest = state;
                Notify();
            }
        }

        public void Dispose()
        {
        }

        private void Notify() => waiters.RemoveAll(w => sequences.Count >= w.Count && w.Done.TrySetResult());
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
