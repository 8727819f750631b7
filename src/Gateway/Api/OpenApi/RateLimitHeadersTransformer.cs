using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace DeltaStream.Gateway.Api.OpenApi;

/// <summary>
/// Declares the <c>X-RateLimit-*</c> headers once in the components, and refers to them from every answer of an
/// operation that spends a rate-limit budget.
/// </summary>
internal sealed class RateLimitHeadersTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private static readonly (string Name, string Description)[] Headers =
    [
        ("X-RateLimit-Limit", "Requests allowed per window for this client."),
        ("X-RateLimit-Remaining", "Requests left in the current window."),
        ("X-RateLimit-Reset", "Whole seconds until the window reopens (on a 429, equal to Retry-After)."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in Headers)
        {
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<DisableRateLimitingAttribute>().Any() || operation.Responses is null)
        {
            return Task.CompletedTask;
        }

        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var (name, _) in Headers)
            {
                response.Headers[name] = new OpenApiHeaderReference(name, context.Document);
            }
        }

        return Task.CompletedTask;
    }
}
