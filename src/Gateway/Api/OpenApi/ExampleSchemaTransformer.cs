using System.Text.Json.Nodes;
using System.Globalization;
using DeltaStream.Gateway.Api.Strategy;
using DeltaStream.Gateway.Auth;
using DeltaStream.Instruments;
using DeltaStream.Ticks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeltaStream.Gateway.Api.OpenApi;

/// <summary>Examples in the OpenAPI document for the request bodies, so /docs can send a working call as it stands.</summary>
internal sealed class ExampleSchemaTransformer(InstrumentCatalog catalog) : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, Func<InstrumentCatalog, JsonNode>> Examples = new()
    {
        [typeof(CredentialsRequest)] = _ => new JsonObject { ["email"] = "trader@example.com", ["password"] = "correct horse 42" },
        [typeof(RefreshRequest)] = _ => new JsonObject { ["refreshToken"] = "dsr_…" },
        [typeof(ApiKeyRequest)] = _ => new JsonObject { ["name"] = "nightly-bot" },
        [typeof(StrategyPayoffRequest)] = BullCallSpread,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example(catalog)];
        }

        return Task.CompletedTask;
    }

    /// <summary>A NIFTY bull call spread on its nearest listed expiry, around the instrument's base price.</summary>
    private static JsonObject BullCallSpread(InstrumentCatalog catalog)
    {
        var nifty = catalog.All.FirstOrDefault(i => i.Symbol == "NIFTY") ?? catalog.All[0];
        var atm = Math.Round(nifty.BasePrice / nifty.StrikeStep) * nifty.StrikeStep;
        return new JsonObject
        {
            ["symbol"] = nifty.Symbol,
            ["expiry"] = catalog.Expiries(nifty)[0].ToString(ChainId.ExpiryFormat, CultureInfo.InvariantCulture),
            ["legs"] = new JsonArray(
                new JsonObject { ["right"] = "call", ["strike"] = atm, ["side"] = "buy", ["lots"] = 1 },
                new JsonObject { ["right"] = "call", ["strike"] = atm + (2 * nifty.StrikeStep), ["side"] = "sell", ["lots"] = 1 }),
        };
    }
}
