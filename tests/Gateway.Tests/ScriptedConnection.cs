using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// A hub connection whose writes the test controls: each write completes at once unless <see cref="Hold"/> hands it
/// a pending task, and every write is recorded in the order it was made.
/// </summary>
internal sealed class ScriptedConnection()
    : HubConnectionContext(new DefaultConnectionContext("scripted"), new HubConnectionContextOptions(), NullLoggerFactory.Instance)
{
    private readonly ConcurrentQueue<TaskCompletionSource> held = new();
    private readonly SemaphoreSlim writes = new(0);
    private readonly TaskCompletionSource aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SerializedHubMessage> Written { get; } = new();

    public bool Aborted => aborted.Task.IsCompleted;

    /// <summary>Completes once the connection is aborted.</summary>
    public Task AbortedAsync => aborted.Task;

    public override IHubProtocol Protocol => new JsonHubProtocol();

    /// <summary>The next write stays pending until the returned source completes.</summary>
    public TaskCompletionSource Hold()
    {
        var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held.Enqueue(write);
        return write;
    }

    /// <summary>Completes once at least <paramref name="count"/> writes were made.</summary>
    public async Task WrittenAsync(int count, CancellationToken cancellationToken)
    {
        while (Written.Count < count)
        {
            await writes.WaitAsync(cancellationToken);
        }
    }

    public override ValueTask WriteAsync(SerializedHubMessage message, CancellationToken cancellationToken = default)
    {
        Written.Enqueue(message);
        writes.Release();
        return held.TryDequeue(out var write) ? new ValueTask(write.Task) : ValueTask.CompletedTask;
    }

    public override void Abort() => aborted.TrySetResult();
}
