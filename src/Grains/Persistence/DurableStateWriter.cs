using DeltaStream.Grains.Diagnostics;
using DeltaStream.Ticks;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace DeltaStream.Grains.Persistence;

/// <summary>
/// The grain's half of the durability rule: a tick is applied once it is in persisted grain state together with the
/// stream position it came from. Writes the state with the position on the persist cadence; a failed write is retried
/// with exponential backoff and jitter (storage providers fail fast, so retries live here alone) and counted, never
/// swallowed; a stale etag (<see cref="InconsistentStateException"/>, e.g. after a lost write reply) marks the grain
/// conflicted so it deactivates and reactivates from what storage holds, replaying the rest. After each write, and
/// whenever nothing is unsaved, it reports the position as durable to the <see cref="ITickLog"/>, which lets the
/// provider trim behind it.
/// </summary>
internal sealed class DurableStateWriter<TState>(
    IPersistentState<TState> state,
    ITickLog? log,
    StreamId stream,
    MarketGrainOptions options,
    TimeProvider clock,
    ILogger logger)
    where TState : IStreamPositioned
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);
    private long applied;
    private long durable;
    private bool unsaved;
    private int failures;
    private bool behind;
    private long lastWrite = clock.GetTimestamp();
    private long retryAt;
    private readonly string name = stream.ToString();

    /// <summary>True after a write met a newer etag: the grain must deactivate and start again from storage.</summary>
    public bool Conflicted { get; private set; }

    /// <summary>The position the grain has applied up to.</summary>
    public long Position => applied;

    public void Restore(long position) => applied = durable = position;

    /// <summary>Records a batch taken at <paramref name="position"/> (null outside a durable log) and whether it changed state.</summary>
    public void Took(long? position, bool changed)
    {
        if (position is { } p && p > applied)
        {
            applied = p;
        }

        unsaved |= changed;
    }

    /// <summary>On the grain's timer: writes when due (or retrying), else reports an idle grain's position as durable.</summary>
    public async Task OnTimerAsync(Action capture, CancellationToken cancellationToken)
    {
        if (Conflicted)
        {
            return;
        }

        if (!unsaved)
        {
            await ReportDurableAsync(applied, cancellationToken);
            return;
        }

        var since = clock.GetElapsedTime(lastWrite);
        SetBehind(failures > 0 || since >= options.PersistInterval * 2);
        if (since >= options.PersistInterval && clock.GetTimestamp() >= retryAt)
        {
            await WriteAsync(capture, cancellationToken);
        }
    }

    /// <summary>On deactivation: a last write, retried briefly; what it cannot write is replayed on the next activation.</summary>
    public async Task FlushAsync(Action capture, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; !Conflicted && unsaved && attempt <= 3 && !cancellationToken.IsCancellationRequested; attempt++)
            {
                if (!await WriteAsync(capture, cancellationToken) && !Conflicted)
                {
                    await Task.Delay(FirstRetry * attempt, clock, cancellationToken);
                }
            }

            if (!Conflicted && !unsaved)
            {
                await ReportDurableAsync(applied, cancellationToken);
            }
        }
        finally
        {
            SetBehind(false);
        }
    }

    private async Task<bool> WriteAsync(Action capture, CancellationToken cancellationToken)
    {
        capture();
        var position = applied;
        state.State.StreamPosition = position;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (InconsistentStateException ex)
        {
            Conflicted = true;
            GrainMetrics.StorageWrites.Add(1, new KeyValuePair<string, object?>("outcome", "conflict"));
            GrainLog.WriteConflict(logger, ex, name);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures++;
            SetBehind(true);
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 20)));
            delay *= 0.5 + Random.Shared.NextDouble();
            retryAt = clock.GetTimestamp() + (long)(delay.TotalSeconds * clock.TimestampFrequency);
            GrainMetrics.StorageWrites.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            GrainLog.PersistFailed(logger, ex, name, failures, delay);
            return false;
        }

        GrainMetrics.StorageWrites.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        if (failures > 0)
        {
            GrainLog.PersistRecovered(logger, name, failures);
        }

        failures = 0;
        unsaved = false;
        lastWrite = clock.GetTimestamp();
        SetBehind(false);
        await ReportDurableAsync(position, cancellationToken);
        return true;
    }

    private async Task ReportDurableAsync(long position, CancellationToken cancellationToken)
    {
        if (position <= durable)
        {
            return;
        }

        if (log is null)
        {
            durable = position;
            return;
        }

        try
        {
            await log.MarkDurableAsync(stream, position, cancellationToken);
            durable = position;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The log keeps the entries a little longer; the next timer tick reports again.
            GrainMetrics.DurableReportFailures.Add(1);
            GrainLog.DurableReportFailed(logger, ex, name);
        }
    }

    private void SetBehind(bool value)
    {
        if (value == behind)
        {
            return;
        }

        behind = value;
        if (value)
        {
            GrainStorageHealth.Fell();
        }
        else
        {
            GrainStorageHealth.CaughtUp();
        }
    }
}
