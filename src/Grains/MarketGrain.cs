using DeltaStream.Grains.Chains;
using DeltaStream.Grains.Diagnostics;
using DeltaStream.Grains.Observers;
using DeltaStream.Grains.Publishing;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Grains;

/// <summary>
/// What every market grain does the same way: receive tick batches from its implicitly subscribed stream,
/// keep leased observers, publish when something changed (the first change after a quiet publish interval at once,
/// later ones at the interval's end, whether or not anyone listens, so snapshots are never older than an interval),
/// and write state on a cadence and on deactivation (never once per tick).
/// </summary>
internal abstract class MarketGrain<TState>(
    IPersistentState<TState> state,
    IOptions<MarketGrainOptions> options,
    TimeProvider clock,
    ILogger logger) : Grain, IObservableMarketGrain
{
    private readonly ObserverLeases<IMarketObserver> observers = new(options.Value.ObserverLease);
    private readonly PublishCadence cadence = new(clock, options.Value.PublishInterval);
    private IGrainTimer? trailingPublish;
    private long lastPersistTicks;
    private bool unsaved;

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
        var stream = this.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(StreamId.Create(StreamNamespace, key));
        await stream.SubscribeAsync(OnBatchAsync);
        lastPersistTicks = Clock.GetTimestamp();
        var interval = options.Value.PublishInterval;
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
        trailingPublish = this.RegisterGrainTimer(OnTrailingPublishAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var self = this.GetGrainId();
        observers.Notify(o => o.OnPublisherStopped(self), Clock.GetUtcNow().UtcDateTime);
        return PersistAsync();
    }

    public Task<TimeSpan> Subscribe(IMarketObserver observer)
    {
        observers.Renew(observer, Clock.GetUtcNow().UtcDateTime);
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

    protected void PublishNow()
    {
        Dirty = false;
        cadence.Published();
        Publish(notification =>
        {
            var notified = observers.Notify(notification, Clock.GetUtcNow().UtcDateTime);
            GrainMetrics.UpdatesPublished.Add(notified);
            return notified;
        });
    }

    private Task OnBatchAsync(TickBatch batch, StreamSequenceToken? token)
    {
        if (Apply(batch) is not { } outcome)
        {
            GrainMetrics.TicksRejected.Add(batch.Options.Length + batch.Underlying.Length, new KeyValuePair<string, object?>("reason", "unknownInstrument"));
            GrainLog.UnknownInstrument(logger, this.GetPrimaryKeyString(), batch.Symbol);
            return Task.CompletedTask;
        }

        TickCounters.Record(outcome, TickKind);
        if (outcome.Changed)
        {
            Dirty = true;
            unsaved = true;
            PublishOnCadence();
        }

        return Task.CompletedTask;
    }

    private void PublishOnCadence()
    {
        var wait = cadence.Wait();
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
        if (unsaved && Clock.GetElapsedTime(lastPersistTicks) >= options.Value.PersistInterval)
        {
            await PersistAsync();
        }
    }

    private async Task PersistAsync()
    {
        if (!unsaved)
        {
            return;
        }

        CaptureState();
        try
        {
            await State.WriteStateAsync();
            unsaved = false;
            lastPersistTicks = Clock.GetTimestamp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GrainLog.PersistFailed(logger, ex, this.GetPrimaryKeyString());
        }
    }
}
