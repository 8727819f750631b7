using DeltaStream.Gateway.Api.Markets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DeltaStream.Gateway.Api.OpenApi;
using DeltaStream.Gateway.Api.History;

namespace DeltaStream.Gateway.Api;

internal static class ApiExtensions
{
    public const int MaxJsonDepth = 16;

    public static IServiceCollection AddDeltaStreamApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // A body or parameter that does not bind is a 400 problem in every environment (Development would throw).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o =>
        {
            JsonConventions.Apply(o.SerializerOptions);
            // No request needs more than a few levels; a deeply nested body is refused while it is read.
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
        });
        services.AddOpenApi(o =>
        {
            // The Orleans dashboard's own JSON routes are an operator tool, not part of the API contract.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("dashboard", StringComparison.Ordinal) != true;
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<SecuritySchemesTransformer>();
            o.AddDocumentTransformer<RateLimitHeadersTransformer>();
            o.AddOperationTransformer<RateLimitHeadersTransformer>();
            o.AddSchemaTransformer<ExampleSchemaTransformer>();
        });
        services.AddSingleton<MarketDirectory>();
        services.AddSingleton<Pricing.Batch.BatchPricingGate>();
        services.TryAddSingleton(new MarketFeedNote(null));
        services.AddSingleton<BarHistory>();
        services.AddSingleton<ChainSnapshotJson>();
        return services;
    }
}
