using System.Globalization;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// 429 ProblemDetails with Retry-After for a login to an account locked after too many failures. The sign-in window's
/// X-RateLimit-* headers are taken off: they describe the address's budget, which is not what stops this login.
/// </summary>
internal sealed class AccountLockedResult(int retryAfterSeconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        RateLimiting.Windows.RateLimitWindows.Clear(httpContext.Response);
        return TypedResults.Problem(
            $"Too many failed logins for this account; retry after {retryAfterSeconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests").ExecuteAsync(httpContext);
    }
}
