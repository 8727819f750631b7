using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaStream.Grains.Underlyings;

/// <summary>One underlying: its trading session from the underlying stream.</summary>
[ImplicitStreamSubscription(MarketStreams.UnderlyingNamespace)]
internal sealed class UnderlyingGrain(
    [PersistentState("underlying", GrainStorage.Market)] IPersistentState<UnderlyingState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    TimeProvider clock,
    ILogger<UnderlyingGrain> logger) : MarketGrain<UnderlyingState>(state, options, clock, logger), IUnderlyingGrain
{
    private UnderlyingSession? session;

    protected override string StreamNamespace => MarketStreams.UnderlyingNamespace;

    protected override string TickKind => "underlying";

    public Task<UnderlyingSnapshot> GetSnapshot() =>
        Task.FromResult(session?.Snapshot() ?? throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed instrument."));

    protected override void Initialize(string key)
    {
        if (!catalog.TryGet(key, out var instrument))
        {
            return;
        }

        session = new UnderlyingSession(instrument.Symbol, TimeZoneInfo.FindSystemTimeZoneById(instrument.TimeZone), State.State);
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
