using DeltaStream.Gateway.Api.OpenApi;

namespace DeltaStream.Gateway.Api;

internal static class ApiExtensions
{
    public static IServiceCollection AddDeltaStreamApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => JsonConventions.Apply(o.SerializerOptions));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<SecuritySchemesTransformer>();
            o.AddSchemaTransformer<ExampleSchemaTransformer>();
        });
        services.AddSingleton<MarketDirectory>();
        return services;
    }
}
