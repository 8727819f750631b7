using DeltaStream.Analytics.Insights;
using DeltaStream.Gateway.Realtime;
using DeltaStream.Gateway.Realtime.Feeds;
using DeltaStream.Gateway.Realtime.Outbox;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using Microsoft.AspNetCore.SignalR;

namespace DeltaStream.Gateway.Insights;

/// <summary>
/// The live pulse of one subscribed chain. Each change of the chain marks it stale; off the feed's path, at most once
/// per <see cref="InsightOptions.LiveInterval"/>, the pulse is read again (template narrative only: the model is never
/// on this path) and, when its label or a signal's direction differs from the last one sent, <c>insightUpdate</c> goes
/// to every subscriber's outbox. A new subscriber gets the current one at once; a connection that fell behind gets
/// it again when it catches up.
/// </summary>
internal sealed partial class ChainInsightWatch(
    InstrumentDefinition instrument, DateOnly expiry, PulseSource source, TimeSpan interval, TimeProvider clock, ILogger logger)
    : IChainFeedListener, IOutboxSource
{
    private readonly Lock gate = new();
    private readonly HashSet<ConnectionOutbox> subscribers = [];
    private readonly CancellationTokenSource stopping = new();
    private SerializedHubMessage? current;
    private string? shape;
    private bool stale = true;
    private bool running;
    private bool disposed;

    public void Added(ConnectionOutbox outbox)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            subscribers.Add(outbox);
            if (current is not null)
            {
                outbox.PostSnapshot(this, current);
            }

            StartIfStale();
        }
    }

    public void Removed(ConnectionOutbox outbox)
    {
        lock (gate)
        {
            if (subscribers.Remove(outbox))
            {
                outbox.Forget(this);
            }
        }
    }

    public void Changed(ChainSnapshot latest)
    {
        lock (gate)
        {
            stale = true;
            StartIfStale();
        }
    }

    public void CatchUp(ConnectionOutbox outbox)
    {
        lock (gate)
        {
            if (current is not null && subscribers.Contains(outbox))
            {
                outbox.PostSnapshot(this, current);
            }
        }
    }

    public void Detach(ConnectionOutbox outbox) => Removed(outbox);

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var outbox in subscribers)
            {
                outbox.Forget(this);
            }

            subscribers.Clear();
            stopping.Cancel();
        }
    }

    /// <summary>Label and directions: what a subscriber is told about when it changes.</summary>
    internal static string ShapeOf(MarketPulse pulse) =>
        pulse.Label + ":" + string.Join(',', pulse.Signals.Select(s => s.Direction));

    private void StartIfStale()
    {
        if (stale && !running && !disposed && subscribers.Count > 0)
        {
            running = true;
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                lock (gate)
                {
                    if (!stale || disposed || subscribers.Count == 0)
                    {
                        running = false;
                        return;
                    }

                    stale = false;
                }

                await ReadAsync();
                await Task.Delay(interval, clock, stopping.Token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            lock (gate)
            {
                running = false;
            }
        }
    }

    private async Task ReadAsync()
    {
        ChainPulse reading;
        try
        {
            reading = await source.ReadAsync(instrument, expiry, stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The chain's next change reads again.
            LogReadFailed(ex, instrument.Symbol, expiry);
            InsightMetrics.LiveReadFailures.Add(1);
            return;
        }

        var next = ShapeOf(reading.Pulse);
        lock (gate)
        {
            if (disposed || next == shape)
            {
                return;
            }

            shape = next;
            var pulse = reading.Pulse;
            current = HubMessages.Invocation(MarketHub.InsightUpdateMethod, new InsightResponse(
                reading.Symbol, reading.Expiry, PulseNarrative.Name(pulse.Label), pulse.Score, pulse.Pinning, pulse.Signals, reading.Narrative, "template", reading.UpdatedAt));
            foreach (var outbox in subscribers)
            {
                outbox.Post(this, current);
            }
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Reading the pulse of {Symbol} {Expiry} for its subscribers failed; the chain's next change retries")]
    private partial void LogReadFailed(Exception exception, string symbol, DateOnly expiry);
}
