using Microsoft.AspNetCore.Http.Features;

namespace DeltaStream.Gateway.Api.Limits;

/// <summary>
/// Enforces each endpoint's <see cref="RequestBodyLimit"/>: a declared Content-Length over it is refused before
/// anything is read, a body that grows past it while read is cut off; both answer 413 ProblemDetails naming the limit.
/// </summary>
internal static class RequestBodyLimits
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, RequestBodyLimit limit)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(limit);

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes ?? RequestBodyLimit.Default.Bytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        // Model binding answers a body cut off while read with a bare 413; give it the same problem body.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    });

    private static async Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Payload too large",
                Detail = $"The request body of {context.Request.Method} {context.Request.Path} may be at most {limit} bytes.",
            },
        });
    }
}
