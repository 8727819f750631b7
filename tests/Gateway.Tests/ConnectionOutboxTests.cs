using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Gateway.Realtime.Outbox;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeltaStream.Gateway.Tests;

public sealed class ConnectionOutboxTests
{
    private static readonly OutboxOptions Options = new() { Capacity = 4, BehindTimeout = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task Messages_posted_while_a_write_is_pending_are_written_after_it_in_their_order()
    {
        var connection = new ScriptedConnection();
        await using var outbox = new ConnectionOutbox(connection, Options, TimeProvider.System, NullLogger.Instance, DetachedRealtimeMetrics.Instance);
        var source = new RecordingSource();
        var messages = Enumerable.Range(1, 4).Select(i => HubMessages.Invocation("m", i)).ToArray();
        var pending = connection.Hold();

        Assert.All(messages, m => Assert.True(outbox.Post(source, m)));
        Assert.Equal([messages[0]], connection.Written);

        pending.SetResult();
        await connection.WrittenAsync(messages.Length, TestContext.Current.CancellationToken);
        Assert.Equal(messages, connection.Written);
        Assert.False(outbox.IsBehind);
        Assert.False(connection.Aborted);
    }

    [Fact]
    public async Task A_message_that_does_not_fit_skips_its_source_until_the_queue_drains_and_then_the_source_sends_a_snapshot()
    {
        var connection = new ScriptedConnection();
        await using var outbox = new ConnectionOutbox(connection, Options, TimeProvider.System, NullLogger.Instance, DetachedRealtimeMetrics.Instance);
        var source = new RecordingSource();
        var other = new RecordingSource();
        var pending = connection.Hold();
        var fitting = Enumerable.Range(1, 1 + Options.Capacity).Select(i => HubMessages.Invocation("m", i)).ToArray();
        Assert.All(fitting, m => Assert.True(outbox.Post(source, m)));

        Assert.False(outbox.Post(source, HubMessages.Invocation("m", "skipped")));
        Assert.True(outbox.IsBehind);
        Assert.False(outbox.Post(source, HubMessages.Invocation("m", "skipped too")));
        Assert.False(outbox.Post(other, HubMessages.Invocation("m", "no room")));

        pending.SetResult();
        await connection.WrittenAsync(fitting.Length + 2, TestContext.Current.CancellationToken);
        Assert.Equal(fitting, connection.Written.Take(fitting.Length));
        var caughtUp = connection.Written.Skip(fitting.Length).ToArray();
        Assert.Contains(source.Snapshot, caughtUp);
        Assert.Contains(other.Snapshot, caughtUp);
        Assert.Equal(1, source.CatchUps);
        Assert.Equal(1, other.CatchUps);
        Assert.False(outbox.IsBehind);

        var next = HubMessages.Invocation("m", "after");
        Assert.True(outbox.Post(source, next));
        Assert.Same(next, connection.Written.Last());
    }

    [Fact]
    public async Task A_write_that_fails_disconnects_the_connection()
    {
        var connection = new ScriptedConnection();
        await using var outbox = new ConnectionOutbox(connection, Options, TimeProvider.System, NullLogger.Instance, DetachedRealtimeMetrics.Instance);
        var pending = connection.Hold();
        Assert.True(outbox.Post(new RecordingSource(), HubMessages.Invocation("m", 1)));

        pending.SetException(new IOException("socket reset"));
        await connection.AbortedAsync.WaitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A source that answers a catch-up with a snapshot of its own, and counts them.</summary>
    private sealed class RecordingSource : IOutboxSource
    {
        public SerializedHubMessage Snapshot { get; } = HubMessages.Invocation("snapshot", Guid.NewGuid());

        public int CatchUps { get; private set; }

        public void CatchUp(ConnectionOutbox outbox)
        {
            CatchUps++;
            outbox.PostSnapshot(this, Snapshot);
        }

        public void Detach(ConnectionOutbox outbox)
        {
        }
    }
}
