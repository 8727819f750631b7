using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.RateLimiting;

/// <summary>
/// Hub calls spend the caller's hub budget (per user or key, as for REST). A call over it raises a HubException
/// saying when to retry; the connection stays open.
/// </summary>
internal sealed class HubRateLimitFilter(IOptions<RateLimitOptions> options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<HubInvocationContext> limiter = PartitionedRateLimiter.Create<HubInvocationContext, string>(call =>
        RateLimitingExtensions.Window(ClientPartition.Of(call.Context.User, call.Context.GetHttpContext()?.Connection.RemoteIpAddress), options.Value.Hub));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var lease = limiter.AttemptAcquire(invocationContext);
        if (!lease.IsAcquired)
        {
            var limit = options.Value.Hub;
            var seconds = RateLimitingExtensions.RetryAfterSeconds(lease, limit).ToString(CultureInfo.InvariantCulture);
            throw new HubException($"Rate limit exceeded: at most {limit.PermitLimit} hub calls per {limit.Window}; retry after {seconds} s.");
        }

        return await next(invocationContext);
    }

    public void Dispose() => limiter.Dispose();
}
