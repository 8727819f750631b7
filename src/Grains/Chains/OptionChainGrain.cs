using System.Diagnostics;
using DeltaStream.Grains.Diagnostics;
using DeltaStream.Grains.History;
using DeltaStream.History;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaStream.Grains.Chains;

/// <summary>
/// One option chain. Ticks only mark it dirty; IV, Greeks and analytics are recomputed at most once per publish
/// interval (or when a snapshot is asked for), so per-tick cost stays small however fast quotes arrive.
/// </summary>
[ImplicitStreamSubscription(MarketStreams.ChainNamespace)]
internal sealed class OptionChainGrain(
    [PersistentState("chain", GrainStorage.Market)] IPersistentState<ChainState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    TimeProvider clock,
    ILogger<OptionChainGrain> logger) : MarketGrain<ChainState>(state, options, clock, logger), IOptionChainGrain
{
    private ChainBook? book;

    protected override string StreamNamespace => MarketStreams.ChainNamespace;

    protected override string TickKind => "option";

    public Task<ChainSnapshot> GetSnapshot()
    {
        if (book is null)
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed chain.");
        }

        return Task.FromResult(CurrentSnapshot());
    }

    public Task<IReadOnlyList<StrikeActivity>> GetActivity() =>
        Task.FromResult(book?.Activity() ?? throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed chain."));

    protected override void Initialize(string key)
    {
        if (!ChainId.TryParse(key, out var chain) || !catalog.TryGet(chain.Value.Symbol, out var instrument))
        {
            return;
        }

        book = new ChainBook(new ChainId(instrument.Symbol, chain.Value.Expiry), instrument, State.RecordExists ? State.State : null);
        Dirty = book.HasData;
        if (ServiceProvider.GetService<IMarketHistoryWriter>() is { } history)
        {
            new ChainHistoryRecorder(history, Clock, instrument, CurrentSnapshot).Start(this, ServiceProvider.GetRequiredService<IOptions<HistoryOptions>>().Value);
        }
    }

    /// <summary>The snapshot with every tick so far in it (observers get the recomputation as an update).</summary>
    private ChainSnapshot CurrentSnapshot()
    {
        if (Dirty)
        {
            PublishNow();
        }

        return book!.Snapshot;
    }

    protected override TickOutcome? Apply(TickBatch batch) => book?.Apply(batch);

    protected override void Publish(Func<Action<IMarketObserver>, int> notify)
    {
        var started = Stopwatch.GetTimestamp();
        var update = book!.Recompute(Clock.GetUtcNow().UtcDateTime);
        GrainMetrics.ChainRecomputes.Add(1);
        GrainMetrics.ChainRecomputeSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        notify(o => o.OnChainUpdate(update));
    }

    protected override void CaptureState()
    {
        if (book is not null)
        {
            State.State = book.ToState();
        }
    }
}
