using System.Diagnostics;
using DeltaStream.Grains.Diagnostics;
using DeltaStream.Grains.Observers;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// One option chain. Ticks arrive by implicit subscription to the chain's stream and only mark the chain dirty;
/// a timer recomputes at most once per publish interval and pushes the delta to subscribed gateways, so
/// per-tick cost stays small however fast quotes arrive. State is written on a cadence and on deactivation.
/// </summary>
[ImplicitStreamSubscription(MarketStreams.ChainNamespace)]
internal sealed class OptionChainGrain(
    [PersistentState("chain", GrainStorage.Market)] IPersistentState<ChainState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    TimeProvider clock,
    ILogger<OptionChainGrain> logger) : Grain, IOptionChainGrain
{
    private readonly MarketGrainOptions settings = options.Value;
    private readonly ObserverLeases<IMarketObserver> observers = new(options.Value.ObserverLease);
    private ChainBook? book;
    private bool dirty;
    private bool unsaved;
    private long lastPersistTicks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (ChainId.TryParse(key, out var chain) && catalog.TryGet(chain.Value.Symbol, out var instrument))
        {
            book = new ChainBook(new ChainId(instrument.Symbol, chain.Value.Expiry), instrument, state.RecordExists ? state.State : null);
            dirty = book.TickWatermark > 0;
        }

        var stream = this.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(StreamId.Create(MarketStreams.ChainNamespace, key));
        await stream.SubscribeAsync(OnBatchAsync);
        lastPersistTicks = clock.GetTimestamp();
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(settings.PublishInterval, settings.PublishInterval) { Interleave = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await PersistAsync();
    }

    public Task<ChainSnapshot> GetSnapshot()
    {
        if (book is null)
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed chain.");
        }

        if (dirty)
        {
            Publish();
        }

        return Task.FromResult(book.Snapshot);
    }

    public Task Subscribe(IMarketObserver observer)
    {
        observers.Renew(observer, clock.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IMarketObserver observer)
    {
        observers.Remove(observer);
        return Task.CompletedTask;
    }

    private Task OnBatchAsync(TickBatch batch, StreamSequenceToken? token)
    {
        if (book is null)
        {
            GrainMetrics.TicksRejected.Add(batch.Options.Length + batch.Underlying.Length, new KeyValuePair<string, object?>("reason", "unknownInstrument"));
            GrainLog.UnknownInstrument(logger, this.GetPrimaryKeyString(), batch.Symbol);
            return Task.CompletedTask;
        }

        var outcome = book.Apply(batch);
        TickCounters.Record(outcome, "option");
        if (outcome.Changed)
        {
            dirty = true;
            unsaved = true;
        }

        return Task.CompletedTask;
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (dirty && observers.Count > 0)
        {
            Publish();
        }

        if (unsaved && clock.GetElapsedTime(lastPersistTicks) >= settings.PersistInterval)
        {
            await PersistAsync();
        }
    }

    private void Publish()
    {
        var started = Stopwatch.GetTimestamp();
        var update = book!.Recompute(clock.GetUtcNow().UtcDateTime);
        dirty = false;
        GrainMetrics.ChainRecomputes.Add(1);
        GrainMetrics.ChainRecomputeSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        var notified = observers.Notify(o => o.OnChainUpdate(update), clock.GetUtcNow().UtcDateTime);
        GrainMetrics.UpdatesPublished.Add(notified);
    }

    private async Task PersistAsync()
    {
        if (book is null || !unsaved)
        {
            return;
        }

        state.State = book.ToState();
        try
        {
            await state.WriteStateAsync();
            unsaved = false;
            lastPersistTicks = clock.GetTimestamp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GrainLog.PersistFailed(logger, ex, this.GetPrimaryKeyString());
        }
    }
}
