using DeltaStream.Grains.Diagnostics;
using DeltaStream.Grains.Observers;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace DeltaStream.Grains.Underlyings;

/// <summary>One underlying: its session from the underlying stream, pushed to subscribers at most once per publish interval.</summary>
[ImplicitStreamSubscription(MarketStreams.UnderlyingNamespace)]
internal sealed class UnderlyingGrain(
    [PersistentState("underlying", GrainStorage.Market)] IPersistentState<UnderlyingState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    TimeProvider clock,
    ILogger<UnderlyingGrain> logger) : Grain, IUnderlyingGrain
{
    private readonly MarketGrainOptions settings = options.Value;
    private readonly ObserverLeases<IMarketObserver> observers = new(options.Value.ObserverLease);
    private UnderlyingSession? session;
    private bool dirty;
    private bool unsaved;
    private long lastPersistTicks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var zone = catalog.TryGet(key, out var instrument) ? TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone) : null;
        if (zone is not null)
        {
            session = new UnderlyingSession(instrument!.Symbol, zone, state.State);
        }

        var stream = this.GetStreamProvider(MarketStreams.ProviderName).GetStream<TickBatch>(StreamId.Create(MarketStreams.UnderlyingNamespace, key));
        await stream.SubscribeAsync(OnBatchAsync);
        lastPersistTicks = clock.GetTimestamp();
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(settings.PublishInterval, settings.PublishInterval) { Interleave = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await PersistAsync();

    public Task<UnderlyingSnapshot> GetSnapshot() =>
        Task.FromResult(session?.Snapshot() ?? throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed instrument."));

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
        if (session is null)
        {
            GrainMetrics.TicksRejected.Add(batch.Underlying.Length, new KeyValuePair<string, object?>("reason", "unknownInstrument"));
            GrainLog.UnknownInstrument(logger, this.GetPrimaryKeyString(), batch.Symbol);
            return Task.CompletedTask;
        }

        var outcome = session.Apply(batch);
        TickCounters.Record(outcome, "underlying");
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
            dirty = false;
            var snapshot = session!.Snapshot();
            GrainMetrics.UpdatesPublished.Add(observers.Notify(o => o.OnUnderlyingUpdate(snapshot), clock.GetUtcNow().UtcDateTime));
        }

        if (unsaved && clock.GetElapsedTime(lastPersistTicks) >= settings.PersistInterval)
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
