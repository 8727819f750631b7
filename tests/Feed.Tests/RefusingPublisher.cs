using System.Reflection;
using DeltaStream.Ticks;
using Orleans.Streams;

namespace DeltaStream.Feed.Tests;

/// <summary>
/// A stream (as its publisher sees it) that refuses every publication until it is opened, as a full Redis stream refuses a producer, and records
/// what it accepted. Only <c>OnNextAsync</c> is implemented; the publisher uses nothing else.
/// </summary>
public class RefusingPublisher : DispatchProxy
{
    private readonly List<TickBatch> accepted = [];
    private readonly TaskCompletionSource heldBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool open;

    public int Refusals { get; private set; }

    public IReadOnlyList<TickBatch> Accepted
    {
        get
        {
            lock (accepted)
            {
                return [.. accepted];
            }
        }
    }

    /// <summary>Completes once four publications have been refused: the publisher has retried through several backoffs.</summary>
    public Task HeldBack => heldBack.Task;

    public static (IAsyncStream<TickBatch> Stream, RefusingPublisher Control) Create()
    {
        var stream = Create<IAsyncStream<TickBatch>, RefusingPublisher>();
        return (stream, (RefusingPublisher)(object)stream);
    }

    public void Open()
    {
        lock (accepted)
        {
            open = true;
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IAsyncStream<TickBatch>.OnNextAsync))
        {
            throw new NotSupportedException(targetMethod?.Name);
        }

        lock (accepted)
        {
            if (!open)
            {
                if (++Refusals == 4)
                {
                    heldBack.TrySetResult();
                }

                return Task.FromException(new InvalidOperationException("Stream holds MaxBacklog unconsumed entries; retry when consumers catch up."));
            }

            accepted.Add((TickBatch)args![0]!);
            return Task.CompletedTask;
        }
    }
}
