using System.Globalization;

namespace DeltaStream.Gateway.Api;

/// <summary>
/// 429 ProblemDetails with Retry-After, for a budget an endpoint checks itself (an account's logins, a user's model
/// calls). The request's X-RateLimit-* headers are taken off: they describe the client's request window, which is
/// not what refused it, and would tell it that it may go on trying.
/// </summary>
internal sealed class RetryLaterResult(int retryAfterSeconds, string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        RateLimiting.Windows.RateLimitWindows.Clear(httpContext.Response);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(httpContext);
    }
}
