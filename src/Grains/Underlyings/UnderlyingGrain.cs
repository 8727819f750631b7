using DeltaStream.Time;
using DeltaStream.Grains.Chains;
using DeltaStream.Grains.History;
using DeltaStream.History;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaStream.Grains.Underlyings;

/// <summary>One underlying: its trading session from the underlying stream.</summary>
[ImplicitStreamSubscription(MarketStreams.UnderlyingNamespace)]
internal sealed class UnderlyingGrain(
    [PersistentState("underlying", GrainStorage.Market)] IPersistentState<UnderlyingState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    MarketClock clock,
    ILogger<UnderlyingGrain> logger) : MarketGrain<UnderlyingState>(state, options, clock, logger), IUnderlyingGrain, IUnderlyingBarsGrain
{
    private UnderlyingSession? session;
    private MinuteBarBuilder? bars;

    protected override string StreamNamespace => MarketStreams.UnderlyingNamespace;

    protected override string TickKind => "underlying";

    public Task<UnderlyingSnapshot> GetSnapshot() =>
        Task.FromResult(session?.Snapshot() ?? throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed instrument."));

    public Task<IReadOnlyList<PriceBar>> GetMinuteBars() => Task.FromResult(bars?.Bars() ?? []);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        bars?.Flush();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    protected override void Initialize(string key)
    {
        if (!catalog.TryGet(key, out var instrument))
        {
            return;
        }

        var history = ServiceProvider.GetRequiredService<IOptions<HistoryOptions>>().Value;
        bars = new MinuteBarBuilder(instrument.Symbol, history.MinuteBarsInMemory, ServiceProvider.GetService<IMarketHistoryWriter>());
        session = new UnderlyingSession(instrument.Symbol, catalog.Calendar(instrument), State.State, bars);
    }

    protected override TickOutcome? Apply(TickBatch batch) => session?.Apply(batch);

    protected override void Publish(Func<Action<IMarketObserver>, int> notify)
    {
        var snapshot = session!.Snapshot();
        notify(o => o.OnUnderlyingUpdate(snapshot));
    }

    // The session keeps its figures in the persisted state object; only the watermarks live apart.
    protected override void CaptureState() => session?.CaptureSequences();
}
