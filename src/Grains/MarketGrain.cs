using DeltaStream.Time;
using DeltaStream.Grains.Chains;
using DeltaStream.Grains.Diagnostics;
using DeltaStream.Grains.Observers;
using DeltaStream.Grains.Persistence;
using DeltaStream.Grains.Publishing;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Grains;

/// <summary>
/// What every market grain does the same way: receive tick batches from its implicitly subscribed stream,
/// keep leased observers, publish when something changed (the first change after a quiet publish interval at once,
/// later ones at the interval's end, whether or not anyone listens, so snapshots are never older than an interval),
/// and keep its state durable with the stream position it came from (<see cref="DurableStateWriter{TState}"/>).
/// With a durable tick log (Redis), an activation on any silo first replays its stream from the persisted position,
/// so what a crashed silo had applied but not written is applied again; dedupe drops the overlap with live delivery.
/// Nothing is published during the replay: the activation's first publication comes after it has caught up.
/// </summary>
internal abstract class MarketGrain<TState>(
    IPersistentState<TState> state,
    IOptions<MarketGrainOptions> options,
    MarketClock clock,
    ILogger logger) : Grain, IObservableMarketGrain
    where TState : IStreamPositioned
{
    private readonly ObserverLeases<IMarketObserver> observers = new(options.Value.ObserverLease);
    private readonly PublishCadence cadence = new(clock);
    private DurableStateWriter<TState>? writer;
    private IGrainTimer? trailingPublish;
    private bool durableLog;
    private bool replaying;
    private long notifiedAt;

    protected IPersistentState<TState> State { get; } = state;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>True when ticks changed state since the last publication.</summary>
    protected bool Dirty { get; set; }

    /// <summary>The stream namespace this grain type subscribes to; the stream key is the grain key.</summary>
    protected abstract string StreamNamespace { get; }

    /// <summary>The label of this grain's ticks in metrics.</summary>
    protected abstract string TickKind { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        Initialize(key);
        var streamId = StreamId.Create(StreamNamespace, key);
        var log = ServiceProvider.GetService<ITickLog>();
        durableLog = log is not null;
        writer = new DurableStateWriter<TState>(State, log, streamId, options.Value, Clock, logger);
        var stream = this.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(streamId);
        await stream.SubscribeAsync(OnBatchAsync);
        if (log is not null)
        {
            // Positions mean something only in a durable log; in-memory streams start again with the process.
            var position = State.State.StreamPosition;
            writer.Restore(position);
            var replayed = 0;
            replaying = true;
            try
            {
                await foreach (var entry in log.ReplayAsync(streamId, position, cancellationToken))
                {
                    Take(entry.Batch, entry.Position);
                    replayed++;
                }
            }
            finally
            {
                replaying = false;
            }

            GrainMetrics.BatchesReplayed.Add(replayed);
            GrainLog.Replayed(logger, key, replayed, position);
        }

        // Housekeeping (heartbeats, state writes) at half the heartbeat interval; publications have their own timer.
        var interval = options.Value.HeartbeatInterval / 2;
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
        trailingPublish = this.RegisterGrainTimer(OnTrailingPublishAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false });
        if (Dirty)
        {
            PublishNow();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var self = this.GetGrainId();
        observers.Notify(o => o.OnPublisherStopped(self), Clock.GetUtcNow().UtcDateTime);
        if (ServiceProvider.GetService<MemoryOnlyStorage>() is { } memory && memory.EndsWith(reason))
        {
            GrainLog.ShutdownWriteSkipped(logger, self);
            return Task.CompletedTask;
        }

        return writer?.FlushAsync(CaptureState, cancellationToken) ?? Task.CompletedTask;
    }

    public Task<TimeSpan> Subscribe(IMarketObserver observer, TimeSpan interval)
    {
        observers.Renew(observer, Clock.GetUtcNow().UtcDateTime, interval);
        return Task.FromResult(options.Value.ObserverLease);
    }

    public Task Unsubscribe(IMarketObserver observer)
    {
        observers.Remove(observer);
        return Task.CompletedTask;
    }

    /// <summary>Builds the grain's model from <see cref="State"/>; none when the key names nothing listed.</summary>
    protected abstract void Initialize(string key);

    /// <summary>Applies a batch; null when this grain is not a listed instrument.</summary>
    protected abstract TickOutcome? Apply(TickBatch batch);

    /// <summary>Computes what changed and sends it through <paramref name="notify"/>.</summary>
    protected abstract void Publish(Func<Action<IMarketObserver>, int> notify);

    /// <summary>Copies the model into <see cref="State"/> before it is written.</summary>
    protected abstract void CaptureState();

    /// <summary>Records a change made outside a tick (a settlement): it is written with the state and published at once.</summary>
    protected void PublishChange()
    {
        writer!.Took(null, changed: true);
        PublishNow();
    }

    protected void PublishNow()
    {
        Dirty = false;
        cadence.Published();
        notifiedAt = Clock.GetTimestamp();
        Publish(notification =>
        {
            var notified = observers.Notify(notification, Clock.GetUtcNow().UtcDateTime);
            GrainMetrics.UpdatesPublished.Add(notified);
            return notified;
        });
    }

    private Task OnBatchAsync(TickBatch batch, StreamSequenceToken? token)
    {
        Take(batch, durableLog ? token?.SequenceNumber : null);
        return Task.CompletedTask;
    }

    private void Take(TickBatch batch, long? position)
    {
        if (Apply(batch) is not { } outcome)
        {
            GrainMetrics.TicksRejected.Add(batch.Options.Length + batch.Underlying.Length, new KeyValuePair<string, object?>("reason", "unknownInstrument"));
            GrainLog.UnknownInstrument(logger, this.GetPrimaryKeyString(), batch.Symbol);
            writer!.Took(position, changed: false);
            return;
        }

        TickCounters.Record(outcome, TickKind);
        Dirty |= outcome.Changed;
        writer!.Took(position, outcome.Changed);
        if (outcome.Changed && !replaying)
        {
            PublishOnCadence();
        }
    }

    private void PublishOnCadence()
    {
        var settings = options.Value;
        var interval = observers.Finest(settings.PublishInterval);
        var wait = cadence.Wait(interval < settings.RawInterval ? settings.RawInterval : interval);
        if (wait == TimeSpan.Zero)
        {
            PublishNow();
        }
        else if (cadence.Arm())
        {
            trailingPublish!.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnTrailingPublishAsync(CancellationToken cancellationToken)
    {
        cadence.Disarm();
        if (Dirty)
        {
            PublishNow();
        }

        return Task.CompletedTask;
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (observers.Count > 0 && Clock.GetElapsedTime(notifiedAt) >= options.Value.HeartbeatInterval)
        {
            notifiedAt = Clock.GetTimestamp();
            var self = this.GetGrainId();
            observers.Notify(o => o.OnHeartbeat(self), Clock.GetUtcNow().UtcDateTime);
        }

        await writer!.OnTimerAsync(CaptureState, cancellationToken);
        if (writer.Conflicted)
        {
            this.DeactivateOnIdle();
        }
    }
}
