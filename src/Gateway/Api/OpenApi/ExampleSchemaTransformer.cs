using System.Text.Json.Nodes;
using DeltaStream.Gateway.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeltaStream.Gateway.Api.OpenApi;

/// <summary>Examples in the OpenAPI document for the request bodies, so /docs can send a working call as it stands.</summary>
internal sealed class ExampleSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(CredentialsRequest)] = () => new JsonObject { ["email"] = "trader@example.com", ["password"] = "correct horse 42" },
        [typeof(RefreshRequest)] = () => new JsonObject { ["refreshToken"] = "dsr_…" },
        [typeof(ApiKeyRequest)] = () => new JsonObject { ["name"] = "nightly-bot" },
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example()];
        }

        return Task.CompletedTask;
    }
}
