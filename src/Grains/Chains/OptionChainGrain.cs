using DeltaStream.Time;
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
/// interval, so per-tick cost stays small however fast quotes arrive. A snapshot request is answered from the last
/// publication: it never recomputes, and never creates a sequence that observers do not get. Each activation is
/// a new epoch (its start time in Unix milliseconds), numbered from 1.
/// </summary>
[ImplicitStreamSubscription(MarketStreams.ChainNamespace)]
internal sealed class OptionChainGrain(
    [PersistentState("chain", GrainStorage.Market)] IPersistentState<ChainState> state,
    InstrumentCatalog catalog,
    IOptions<MarketGrainOptions> options,
    MarketClock clock,
    ILogger<OptionChainGrain> logger) : MarketGrain<ChainState>(state, options, clock, logger), IOptionChainGrain
{
    // Grain timers take at most about 49 days; a later settlement is looked at again when the timer fires.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
    private ChainBook? book;
    private DateTime settlementUtc;
    private IGrainTimer? settlementTimer;

    protected override string StreamNamespace => MarketStreams.ChainNamespace;

    protected override string TickKind => "option";

    public Task<ChainSnapshot> GetSnapshot()
    {
        if (book is null)
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed chain.");
        }

        return Task.FromResult(book.Snapshot);
    }

    public Task<IReadOnlyList<StrikeActivity>> GetActivity() =>
        Task.FromResult(book?.Activity() ?? throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a listed chain."));

    protected override void Initialize(string key)
    {
        if (!ChainId.TryParse(key, out var chain) || !catalog.TryGet(chain.Value.Symbol, out var instrument))
        {
            return;
        }

        var epoch = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        book = new ChainBook(new ChainId(instrument.Symbol, chain.Value.Expiry), instrument, catalog.Calendar(instrument), State.RecordExists ? State.State : null, epoch);
        settlementUtc = catalog.SettlementUtc(instrument, chain.Value.Expiry);
        if (book.Settlement is null)
        {
            // Fires after the activation (and its replay) completes, at once when the settlement has passed.
            settlementTimer = this.RegisterGrainTimer(OnSettlementDueAsync, new GrainTimerCreationOptions(UntilSettlement(), Timeout.InfiniteTimeSpan) { Interleave = false });
        }

        // Restored state is published once the activation has caught up from its stream, as the epoch's first snapshot.
        Dirty = book.HasData;
        if (ServiceProvider.GetService<IMarketHistoryWriter>() is { } history)
        {
            new ChainHistoryRecorder(history, Clock, instrument, () => book!.Snapshot).Start(this, ServiceProvider.GetRequiredService<IOptions<HistoryOptions>>().Value);
        }
    }

    protected override TickOutcome? Apply(TickBatch batch) => book?.Apply(batch);

    private TimeSpan UntilSettlement()
    {
        var wait = settlementUtc - Clock.GetUtcNow().UtcDateTime;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>At the settlement instant: the chain settles, publishes its final state to every subscriber and stops taking ticks.</summary>
    private Task OnSettlementDueAsync(CancellationToken cancellationToken)
    {
        var wait = UntilSettlement();
        if (wait > TimeSpan.Zero)
        {
            settlementTimer!.Change(wait, Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }

        settlementTimer!.Dispose();
        if (book!.Settle(settlementUtc))
        {
            var settlement = book.Settlement!;
            GrainLog.Settled(logger, book.Snapshot.Symbol, book.Snapshot.Expiry, settlement.SettledAt, settlement.Price);
            PublishChange();
        }

        return Task.CompletedTask;
    }

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
