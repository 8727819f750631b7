using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace DeltaStream.Gateway.RateLimiting.Windows;

/// <summary>
/// The REST limiters by policy and client, so a response can tell its client where it stands:
/// <c>X-RateLimit-Limit</c> (permits per window), <c>X-RateLimit-Remaining</c> (left in this window) and
/// <c>X-RateLimit-Reset</c> (whole seconds until the window reopens). The rate limiter middleware owns the limiters
/// and disposes idle ones; a disposed limiter leaves this table with them, so it holds only live clients.
/// </summary>
internal sealed class RateLimitWindows
{
    private const string RequestItem = "DeltaStream.RateLimitWindow";

    private readonly ConcurrentDictionary<string, CountedWindowLimiter> open = new(StringComparer.Ordinal);

    /// <summary>The request's partition under <paramref name="policy"/>, remembered on the request for its headers.</summary>
    public RateLimitPartition<string> Partition(HttpContext context, string policy, string client, WindowLimit limit)
    {
        var id = policy + "\n" + client;
        context.Items[RequestItem] = id;
        return RateLimitPartition.Get(client, _ => Open(id, limit));
    }

    /// <summary>Sets the three headers for the window the request was counted in, if it was.</summary>
    public void WriteHeaders(HttpContext context)
    {
        if (context.Items[RequestItem] is string id && open.TryGetValue(id, out var limiter))
        {
            Write(context.Response, limiter.Limit, limiter.Remaining, limiter.ResetsIn);
        }
    }

    public static void Write(HttpResponse response, WindowLimit limit, long remaining, TimeSpan resetsIn)
    {
        response.Headers["X-RateLimit-Limit"] = limit.PermitLimit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = RateLimitingExtensions.Seconds(resetsIn).ToString(CultureInfo.InvariantCulture);
    }

    private CountedWindowLimiter Open(string id, WindowLimit limit)
    {
        var limiter = new CountedWindowLimiter(id, limit, Close);
        open[id] = limiter;
        return limiter;
    }

    private void Close(CountedWindowLimiter limiter) => open.TryRemove(KeyValuePair.Create(limiter.Id, limiter));
}
