using System.Threading.RateLimiting;

namespace DeltaStream.Gateway.Api.Pricing.Batch;

/// <summary>
/// How many pricing batches this gateway computes at once: half its cores (at least one), a short queue behind them,
/// and a 429 beyond. A batch is CPU for as long as it takes, and one request spends only one permit of its client's
/// rate limit, so without this a few clients could take every core from the live path.
/// </summary>
internal sealed class BatchPricingGate : IDisposable
{
    private static readonly int Permits = Math.Max(1, Environment.ProcessorCount / 2);

    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Permits,
        QueueLimit = 2 * Permits,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => limiter.Dispose();
}
