using System.Globalization;

namespace DeltaStream.Gateway.Api;

/// <summary>429 ProblemDetails with Retry-After, for a budget an endpoint checks itself (an account's logins, a user's model calls).</summary>
internal sealed class RetryLaterResult(int retryAfterSeconds, string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(httpContext);
    }
}
